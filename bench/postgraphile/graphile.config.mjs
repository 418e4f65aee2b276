// PostGraphile over Quorum's database, for the side-by-side benchmark only (never deployed).
//
// It connects as Quorum's own role (quorum_app, which owns nothing, so row-level security applies) and
// sets, per transaction, the very settings Quorum's access code sets (backend/quorum/access.py). The
// benchmark computes each persona's settings once and sends them in the X-Bench-Pg-Settings header:
// trusting a client's header for row-level security is acceptable only because this server exists for
// the benchmark and listens on loopback.
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";
import { makePgService } from "postgraphile/adaptors/pg";

const SETTINGS_HEADER = "x-bench-pg-settings";

function pgSettings(requestContext) {
  const header = requestContext.node?.req?.headers?.[SETTINGS_HEADER];
  const settings = { statement_timeout: "20s" };
  if (header) {
    for (const [name, value] of Object.entries(JSON.parse(header))) settings[`app.${name}`] = String(value);
  }
  return settings;
}

export default {
  extends: [PostGraphileAmberPreset],
  // Quorum's foreign keys are composite (org_id, id) and indexed on their id column alone; without this
  // PostGraphile would hide the reverse relations (agenda items of a meeting) for want of an index.
  disablePlugins: ["PgIndexBehaviorsPlugin"],
  pgServices: [
    makePgService({
      connectionString: process.env.BENCH_PG_CONNECTION,
      schemas: ["public"],
      pgSettings,
      poolConfig: { max: 20 }, // as many connections as one Quorum worker may open (10 + 10 overflow)
    }),
  ],
  grafserv: {
    port: Number(process.env.BENCH_PG_PORT || 5678),
    host: "127.0.0.1",
    graphiql: false,
    watch: false,
  },
  grafast: { explain: false },
};
