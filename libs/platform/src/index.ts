export * from './config/environment';
export * from './config/config.module';
export * from './errors/app-error';
export * from './errors/language';
export * from './errors/error.filter';
export * from './errors/failure-classification';
export * from './http/validation';
export * from './http/logging';
