import 'reflect-metadata';
import { createHttpApp, loadEnvironmentOrExit, preflightOrExit, runMain } from '@vankien/platform';
import { CollaborationServer } from './collaboration/collaboration.server';
import { editorApi } from './editor.api';
import { EditorModule } from './editor.module';

runMain('editor', async () => {
  const environment = loadEnvironmentOrExit('editor');
  await preflightOrExit('editor', environment);
  const app = await createHttpApp(EditorModule, {
    ...editorApi,
    bodyLimit: environment.BODY_LIMIT,
  });
  // the collaboration WebSocket shares the HTTP port, at /collab
  app.get(CollaborationServer).attach(app.getHttpServer());
  await app.listen(environment.EDITOR_PORT, environment.HOST);
});
