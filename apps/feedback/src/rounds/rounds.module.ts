import { Module } from '@nestjs/common';
import { SubmissionsController } from '../submissions/submissions.controller';
import { SubmissionsService } from '../submissions/submissions.service';
import { SynthesisRequests } from '../submissions/synthesis-requests';
import { SynthesesController } from '../syntheses/syntheses.controller';
import { SynthesesService } from '../syntheses/syntheses.service';
import { RoundsController } from './rounds.controller';
import { RoundsService } from './rounds.service';

/** Comment rounds, their invitations and coverage, and the submissions made in them. */
@Module({
  controllers: [RoundsController, SubmissionsController, SynthesesController],
  providers: [RoundsService, SubmissionsService, SynthesisRequests, SynthesesService],
  exports: [RoundsService, SubmissionsService],
})
export class RoundsModule {}
