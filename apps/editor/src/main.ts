import 'reflect-metadata';
import { createHttpApp, loadEnvironmentOrExit, preflightOrExit, runMain } from '@vankien/platform';
import { CollaborationServer } from './collaboration/collaboration.server';
import { EditorModule } from './editor.module';

runMain('editor', async () => {
  const environment = loadEnvironmentOrExit('editor');
  await preflightOrExit('editor', environment);
  const app = await createHttpApp(EditorModule, {
    service: 'editor',
    title: 'Vankien — editor API',
    description: 'Văn kiện, phiên bản, soạn thảo cộng tác, phê duyệt. Documents, versions, collaborative drafting, approvals.',
    bodyLimit: environment.BODY_LIMIT,
  });
  // the collaboration WebSocket shares the HTTP port, at /collab
  app.get(CollaborationServer).attach(app.getHttpServer());
  await app.listen(environment.EDITOR_PORT, environment.HOST);
});
