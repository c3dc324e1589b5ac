import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditChainHead, AuditChainVerifier, AuditEvent, auditEventHash, type AuditEventContent, type ChainBreak } from '@vankien/domain';
import { DataSource, EntityManager, MoreThan } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

export interface AuditEntry {
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId?: string | null;
  organizationId?: string | null;
  payload?: Record<string, unknown>;
}

/**
 * Appends hash-chained audit events. Pass the caller's transaction so the event is written
 * with the change it records, or neither is. Appends are serialised by locking the chain head.
 */
@Injectable()
export class AuditLog {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async append(entry: AuditEntry, manager?: EntityManager): Promise<AuditEvent> {
    if (manager) return appendAuditEvent(manager, entry);
    return this.dataSource.transaction((transaction) => appendAuditEvent(transaction, entry));
  }
}

export async function appendAuditEvent(manager: EntityManager, entry: AuditEntry): Promise<AuditEvent> {
  const head = await manager.getRepository(AuditChainHead).findOne({ where: { id: 1 }, lock: { mode: 'pessimistic_write' } });
  if (!head) throw new Error('audit_chain_head is missing: run the migrations');
  const content: AuditEventContent = {
    // millisecond precision: what JavaScript reads back is what was hashed
    occurredAt: new Date(Math.floor(Date.now())),
    actorId: entry.actorId,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId ?? null,
    organizationId: entry.organizationId ?? null,
    payload: entry.payload ?? {},
  };
  const hash = auditEventHash(head.lastHash, content);
  const inserted = await manager
    .createQueryBuilder()
    .insert()
    .into(AuditEvent)
    // TypeORM's deep-partial type cannot express `unknown` JSON values; the shape is the entity's
    .values({ ...content, previousHash: head.lastHash, hash } as QueryDeepPartialEntity<AuditEvent>)
    .returning('id')
    .execute();
  const id = String(inserted.identifiers[0].id);
  await manager.getRepository(AuditChainHead).update({ id: 1 }, { lastEventId: id, lastHash: hash });
  return Object.assign(new AuditEvent(), content, { id, previousHash: head.lastHash, hash });
}

export interface AuditVerification {
  checked: number;
  firstBreak: ChainBreak | null;
}

/** Reads the chain in id order, in batches, and reports the first broken link. */
export async function verifyAuditChain(manager: EntityManager, batchSize = 1000): Promise<AuditVerification> {
  const verifier = new AuditChainVerifier();
  let lastId = '0';
  for (;;) {
    const batch = await manager.getRepository(AuditEvent).find({
      where: { id: MoreThan(lastId) },
      order: { id: 'ASC' },
      take: batchSize,
    });
    for (const event of batch) {
      const broken = verifier.next({ ...event, payload: event.payload ?? {} });
      if (broken) return { checked: verifier.count, firstBreak: broken };
    }
    if (batch.length < batchSize) break;
    lastId = batch[batch.length - 1].id;
  }
  const head = await manager.getRepository(AuditChainHead).findOne({ where: { id: 1 } });
  return { checked: verifier.count, firstBreak: verifier.finish(head) };
}
