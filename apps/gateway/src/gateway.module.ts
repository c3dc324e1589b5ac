import { Module } from '@nestjs/common';
import { AppConfigModule, createLoggerModule } from '@vankien/platform';
import { GatewayHealthController } from './health.controller';
import { Upstreams } from './upstreams';

/** The one public address: the web interface, every API, /collab, /docs and /health. */
@Module({
  imports: [AppConfigModule, createLoggerModule('gateway')],
  controllers: [GatewayHealthController],
  providers: [Upstreams],
})
export class GatewayModule {}
