import { Module } from '@nestjs/common';
import { CollaborationServer } from '../collaboration/collaboration.server';
import { DocumentLockBroadcast } from '../collaboration/document-lock-broadcast';
import { SessionEventsListener } from '../collaboration/session-events.listener';
import { UpdateLogWriter } from '../collaboration/update-log.writer';
import { UpdateValidator } from '../collaboration/update-validator';
import { DocumentAccess } from './document-access';
import { DocumentsController } from './documents.controller';
import { DocumentsService } from './documents.service';
import { OfficeController } from './office.controller';
import { OfficeService } from './office.service';
import { TemplatesController } from './templates.controller';

@Module({
  controllers: [DocumentsController, OfficeController, TemplatesController],
  providers: [DocumentAccess, DocumentsService, OfficeService, UpdateValidator, UpdateLogWriter, CollaborationServer, DocumentLockBroadcast, SessionEventsListener],
  exports: [CollaborationServer, DocumentLockBroadcast, DocumentsService, DocumentAccess],
})
export class DocumentsModule {}
