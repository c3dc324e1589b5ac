import { Module } from '@nestjs/common';
import { AuthApiModule } from '@vankien/auth';
import { OrganizationsController } from './organizations.controller';
import { OrganizationsService } from './organizations.service';

@Module({ imports: [AuthApiModule], controllers: [OrganizationsController], providers: [OrganizationsService] })
export class OrganizationsModule {}
