import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module';
import { ApprovalsController, NotificationsController } from './approvals.controller';
import { ApprovalsService } from './approvals.service';
import { NotificationsService } from './notifications.service';

@Module({
  imports: [DocumentsModule],
  controllers: [ApprovalsController, NotificationsController],
  providers: [ApprovalsService, NotificationsService],
})
export class ApprovalsModule {}
