import { Injectable } from '@nestjs/common';
import { AppConfig } from '@vankien/platform';
import type { Service } from './routes';

@Injectable()
export class Upstreams {
  constructor(private readonly config: AppConfig) {}

  url(service: Service): string {
    const configured = service === 'editor' ? this.config.get('EDITOR_URL') : this.config.get('FEEDBACK_URL');
    const port = service === 'editor' ? this.config.get('EDITOR_PORT') : this.config.get('FEEDBACK_PORT');
    return configured ?? `http://127.0.0.1:${port}`;
  }
}
