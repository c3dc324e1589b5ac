import 'reflect-metadata';
import { createHttpApp, loadEnvironmentOrExit, preflightOrExit, runMain } from '@vankien/platform';
import { bulkRoutes, FeedbackModule } from './feedback.module';

runMain('feedback', async () => {
  const environment = loadEnvironmentOrExit('feedback');
  await preflightOrExit('feedback', environment);
  const app = await createHttpApp(FeedbackModule, {
    service: 'feedback',
    title: 'Vankien — feedback API',
    description: 'Tài khoản, cây tổ chức, đợt lấy ý kiến, góp ý và tổng hợp. Accounts, organisations, comment rounds, submissions and syntheses.',
    bodyLimit: environment.BODY_LIMIT,
    largeBodyRoutes: bulkRoutes,
  });
  await app.listen(environment.FEEDBACK_PORT, environment.HOST);
});
