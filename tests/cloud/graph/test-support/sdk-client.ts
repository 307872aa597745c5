import {
  AuthenticationHandler,
  Client,
  type Context,
  type Middleware,
  RetryHandler,
  RetryHandlerOptions,
} from "@microsoft/microsoft-graph-client";
import type { EmulatorFetch } from "../../node-client";

/**
 * The unmodified Graph JS SDK with its documented middleware chain (authentication, retry) and a
 * last handler that sends through the emulator's fetch (which trusts the emulator's CA) instead
 * of the global one: the only thing supplied is the transport.
 */
class EmulatorFetchHandler implements Middleware {
  constructor(private readonly emulatorFetch: EmulatorFetch) {}
  async execute(context: Context): Promise<void> {
    context.response = await this.emulatorFetch(context.request, context.options);
  }
}

export function createSdkClient(
  emulatorFetch: EmulatorFetch,
  getAccessToken: () => Promise<string>,
): Client {
  const auth = new AuthenticationHandler({ getAccessToken });
  const retry = new RetryHandler(new RetryHandlerOptions());
  auth.setNext(retry);
  retry.setNext(new EmulatorFetchHandler(emulatorFetch));
  return Client.initWithMiddleware({ middleware: auth });
}
