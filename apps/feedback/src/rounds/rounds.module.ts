import { Module } from '@nestjs/common';
import { CommentImportsController } from '../submissions/comment-imports.controller';
import { CommentImportsService } from '../submissions/comment-imports.service';
import { SubmissionsController } from '../submissions/submissions.controller';
import { SubmissionsService } from '../submissions/submissions.service';
import { SynthesisRequests } from '../submissions/synthesis-requests';
import { DispositionsController } from '../dispositions/dispositions.controller';
import { DispositionsService } from '../dispositions/dispositions.service';
import { SynthesesController } from '../syntheses/syntheses.controller';
import { CorrectionsService } from '../syntheses/corrections.service';
import { RollUpService } from '../syntheses/roll-up.service';
import { SynthesesService } from '../syntheses/syntheses.service';
import { RoundsController } from './rounds.controller';
import { RoundsService } from './rounds.service';

/** Comment rounds, their invitations and coverage, and the submissions made in them. */
@Module({
  controllers: [RoundsController, SubmissionsController, CommentImportsController, SynthesesController, DispositionsController],
  providers: [RoundsService, SubmissionsService, SynthesisRequests, SynthesesService, CommentImportsService, RollUpService, CorrectionsService, DispositionsService],
  exports: [RoundsService, SubmissionsService],
})
export class RoundsModule {}
