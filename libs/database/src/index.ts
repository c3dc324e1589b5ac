export * from './data-source-options';
export * from './database.module';
export * from './migrate';
export * from './audit/audit-log';
export * from './audit/audit.module';
export { migrations } from './migrations';
export * from './document-state/document-state.store';
export * from './document-state/build-state-in-thread';
export * from './catalogue/section-catalogue';
