import { ClusterWritesWithoutRowChecks1795492800000 } from './1795492800000-ClusterWritesWithoutRowChecks';
// Migrations in the order they run. `npm run migration:generate -- Name` creates one from the
// entities and registers it here; hand-written ones (triggers, data) are added by hand.
import { PreparedFormsApart1795490966836 } from './1795490966836-PreparedFormsApart';
import { BlockClusteringsAsJson1795481760251 } from './1795481760251-BlockClusteringsAsJson';
import { SharedClusterMemberSets1795478595324 } from './1795478595324-SharedClusterMemberSets';
import { ClusterMembersIndex1795475550128 } from './1795475550128-ClusterMembersIndex';
import { ApprovalsAndNotifications1795468845041 } from './1795468845041-ApprovalsAndNotifications';
import { IncrementalSynthesis1795465119974 } from './1795465119974-IncrementalSynthesis';
import { SynthesisCorrections1795464333348 } from './1795464333348-SynthesisCorrections';
import { CommentPositionIndex1795464165353 } from './1795464165353-CommentPositionIndex';
import { CommentProvenance1795463946858 } from './1795463946858-CommentProvenance';
import type { MigrationInterface } from 'typeorm';
import { PreparedFormsOfTheObjectGuard1795530000000 } from './1795530000000-PreparedFormsOfTheObjectGuard';
import { MembershipGrantedBy1795500000000 } from './1795500000000-MembershipGrantedBy';
import { ClusterFiguresApart1795520000000 } from './1795520000000-ClusterFiguresApart';
import { Initial1795459185128 } from './1795459185128-Initial';
import { AppendOnlyGuards1795459185200 } from './1795459185200-AppendOnlyGuards';
import { ApprovedDocumentsFrozen1795459185300 } from './1795459185300-ApprovedDocumentsFrozen';
import { RoundsAndImports1795462229891 } from './1795462229891-RoundsAndImports';

export const migrations: (new () => MigrationInterface)[] = [Initial1795459185128, AppendOnlyGuards1795459185200, ApprovedDocumentsFrozen1795459185300, RoundsAndImports1795462229891, CommentProvenance1795463946858, CommentPositionIndex1795464165353, SynthesisCorrections1795464333348, IncrementalSynthesis1795465119974, ApprovalsAndNotifications1795468845041, ClusterMembersIndex1795475550128, SharedClusterMemberSets1795478595324, BlockClusteringsAsJson1795481760251, PreparedFormsApart1795490966836, ClusterWritesWithoutRowChecks1795492800000, MembershipGrantedBy1795500000000, ClusterFiguresApart1795520000000, PreparedFormsOfTheObjectGuard1795530000000];
