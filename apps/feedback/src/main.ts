import 'reflect-metadata';
import { createHttpApp, loadEnvironmentOrExit, preflightOrExit, runMain } from '@vankien/platform';
import { feedbackApi } from './feedback.api';
import { bulkRoutes, FeedbackModule } from './feedback.module';

runMain('feedback', async () => {
  const environment = loadEnvironmentOrExit('feedback');
  await preflightOrExit('feedback', environment);
  const app = await createHttpApp(FeedbackModule, {
    ...feedbackApi,
    bodyLimit: environment.BODY_LIMIT,
    largeBodyRoutes: bulkRoutes,
  });
  await app.listen(environment.FEEDBACK_PORT, environment.HOST);
});
