import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { Comment } from './comment.entity';

/**
 * libs/synthesis's prepared form of a comment (normalised text, features, MinHash signature),
 * computed once by the synthesis worker and reused by every later revision. Kept apart from the
 * comment: written into `comments`, the forms (about 1.7 KB each) made every row a new, twice as
 * wide version, and listing a round's comments read the whole table at every revision. The
 * migration that made this table also stores the forms out of line (toast_tuple_target 128), so
 * that finding which comments have one reads a narrow table.
 */
@Entity({ name: 'comment_prepared_forms' })
export class CommentPreparedForm {
  @PrimaryColumn({ type: 'uuid' })
  commentId!: string;

  @OneToOne(() => Comment, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'comment_id' })
  comment?: Comment;

  @Column({ type: 'jsonb' })
  prepared!: Record<string, unknown>;
}
