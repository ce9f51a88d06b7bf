// Entry point of `shipshape-language-server`. The transport comes from the command line:
// `--stdio` for editors that talk over standard streams, `--node-ipc` for VS Code.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node.js';
import { startServer } from './lsp/server.js';

startServer(createConnection(ProposedFeatures.all));
