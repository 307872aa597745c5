import fc from "fast-check";

/*
 * Property tests run with a fixed seed by default, so a CI run is reproducible and a red run can be
 * replayed. To explore new inputs, run with FC_SEED=random (or another number); a failure prints
 * its seed and path, and a bug found that way gets an example test of its own.
 */
const seedSetting = process.env.FC_SEED;
if (seedSetting !== "random") {
  const seed = seedSetting === undefined ? 20_261_126 : Number(seedSetting);
  if (!Number.isInteger(seed))
    throw new Error(`FC_SEED must be an integer or "random", not ${seedSetting}`);
  fc.configureGlobal({ seed });
}
