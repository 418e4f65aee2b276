// Serves PostGraphile on node's http server (grafserv), configured by graphile.config.mjs.
import { createServer } from "node:http";
import { postgraphile } from "postgraphile";
import { grafserv } from "postgraphile/grafserv/node";
import preset from "./graphile.config.mjs";

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
server.on("error", (error) => {
  console.error(error);
  process.exit(1);
});
serv.addTo(server).then(() => {
  server.listen(preset.grafserv.port, preset.grafserv.host, () => {
    console.log(`PostGraphile listening on http://${preset.grafserv.host}:${preset.grafserv.port}/graphql`);
  });
});

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, async () => {
    server.close();
    await pgl.release();
    process.exit(0);
  });
}
