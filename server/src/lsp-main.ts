// Entry point of `shipshape-language-server`. The transport comes from the command line:
// `--stdio` for editors that talk over standard streams, `--node-ipc` when VS Code forks the
// server, and `--socket=PORT` or `--pipe=NAME`, which vscode-languageserver also reads.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node.js';
import { startServer } from './lsp/server.js';

const transports = ['--stdio', '--node-ipc', '--socket=', '--pipe='];

if (!process.argv.some((arg) => transports.some((transport) => arg.startsWith(transport)))) {
  process.stderr.write(
    'Usage: shipshape-language-server --stdio | --node-ipc | --socket=PORT | --pipe=NAME\n' +
      'The language server needs a transport; editors pass one when they start it.\n',
  );
  process.exit(2);
}

startServer(createConnection(ProposedFeatures.all));
