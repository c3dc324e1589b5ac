import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Submission } from '@vankien/domain';
import type { DataSource } from 'typeorm';
import type { DispositionTableView } from '../apps/feedback/src/dispositions/dispositions.service';
import { SynthesizeRoundHandler } from '../apps/worker/src/processors/synthesize-round.handler';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { allSaved, connectClient, typeInto } from './support/collab-client';
import { seededSystem, type SeededSystem } from './support/seeded-system';
import { apiClient } from './support/test-app';

interface ErrorBody {
  code: string;
}
interface VersionBody {
  id: string;
  blockIndex: { blockId: string; type: string }[];
}

/**
 * A lower level reads an upper level's draft only as far as it was sent for comment: the
 * province's frozen version shared with the district through the province's round, never the
 * province's live draft nor a later version it was not sent. The live draft carries a marker
 * that must appear in no answer to the district, whatever route it comes through.
 */
describe('a lower level and the upper level’s drafts', () => {
  let system: SeededSystem;
  let dataSource: DataSource;
  let worker: INestApplicationContext;
  let api: ReturnType<typeof apiClient>;
  let editorApi: ReturnType<typeof apiClient>;
  let tokens: Record<string, string>;
  const org: Record<string, string> = {};
  const marker = 'BẢN-ĐANG-SOẠN-CỦA-TỈNH-7f3a';
  let documentId = '';
  let shared: VersionBody;
  let later: VersionBody;
  let block = '';

  const round = async (token: string, organizationId: string, versionId: string, invitations: object, open = true) => {
    const created = await api.post<{ id: string } & ErrorBody>(
      '/api/rounds',
      { organizationId, title: 'Góp ý dự thảo Báo cáo chính trị của Tỉnh', opensAt: new Date(Date.now() - 60_000).toISOString(), deadline: new Date(Date.now() + 86_400_000).toISOString(), documentVersionIds: [versionId], invitations },
      token,
    );
    if (created.status === 201 && open) expect((await api.post(`/api/rounds/${created.body.id}/open`, {}, token)).status).toBe(200);
    return created;
  };

  beforeAll(async () => {
    system = await seededSystem(['tieuban', 'vanphong.td', 'thuongvu.td', 'chibo.binhlu', 'vanphong.pt']);
    ({ dataSource, tokens } = system);
    Object.assign(org, system.org);
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error'] });
    await worker.init();
    api = apiClient(system.feedback.url);
    editorApi = apiClient(system.editor.url);

    const document = await editorApi.post<{ id: string }>('/api/documents', { organizationId: org.LC, kind: 'political_report', title: 'Báo cáo chính trị', term: '2025–2030' }, tokens.tieuban);
    documentId = document.body.id;
    shared = (await editorApi.post<VersionBody>(`/api/documents/${documentId}/versions`, {}, tokens.tieuban)).body;
    block = shared.blockIndex.filter((b) => b.type === 'paragraph')[0].blockId;
    // the province goes on drafting after it sent version 1 out, and freezes version 2
    const client = await connectClient(system.editor.url, documentId, tokens.tieuban);
    typeInto(client.ydoc, block, 0, `${marker} `);
    await allSaved(client);
    client.close();
    later = (await editorApi.post<VersionBody>(`/api/documents/${documentId}/versions`, {}, tokens.tieuban)).body;
  });

  afterAll(async () => {
    await worker?.close();
    await system?.closeAll();
  });

  it('opens a round only on a version the upper level sent the organisation for comment', async () => {
    // never shared: version 2 is in no round inviting the district
    const unshared = await round(tokens['vanphong.td'], org['LC-TD'], later.id, { childrenOf: [{ organizationId: org['LC-TD'], depth: 1 }] });
    expect([unshared.status, unshared.body.code]).toEqual([422, 'VERSION_NOT_IN_ORGANIZATION']);
    // in a province round that is still a draft: not yet sent
    expect((await round(tokens.tieuban, org.LC, shared.id, { organizationIds: [org['LC-TD']] }, false)).status).toBe(201);
    const beforeOpening = await round(tokens['vanphong.td'], org['LC-TD'], shared.id, { childrenOf: [{ organizationId: org['LC-TD'], depth: 1 }] });
    expect([beforeOpening.status, beforeOpening.body.code]).toEqual([422, 'VERSION_NOT_IN_ORGANIZATION']);
    // sent to another district only
    expect((await round(tokens.tieuban, org.LC, shared.id, { organizationIds: [org['LC-TP']] })).status).toBe(201);
    expect((await round(tokens['vanphong.td'], org['LC-TD'], shared.id, { childrenOf: [{ organizationId: org['LC-TD'], depth: 1 }] })).status).toBe(422);
  });

  it('shows the district its synthesis of the shared version, and nothing of the province’s live or later text', async () => {
    expect((await round(tokens.tieuban, org.LC, shared.id, { organizationIds: [org['LC-TD']] })).status).toBe(201);
    const districtRound = (await round(tokens['vanphong.td'], org['LC-TD'], shared.id, { childrenOf: [{ organizationId: org['LC-TD'], depth: 1 }] })).body.id;
    const submission = (await api.post<{ id: string }>(`/api/rounds/${districtRound}/submissions`, { organizationId: org['LC-TD-CB1'] }, tokens['chibo.binhlu'])).body.id;
    await api.post(`/api/submissions/${submission}/comments/bulk`, { comments: [{ blockId: block, kind: 'add', text: 'Đề nghị bổ sung nội dung về chuyển đổi số.', supporters: 9, supportersTotal: 12 }] }, tokens['chibo.binhlu']);
    expect((await api.post(`/api/submissions/${submission}/submit`, {}, tokens['chibo.binhlu'])).status).toBe(200);
    await worker.get(SynthesizeRoundHandler).handle({ roundId: districtRound });

    for (const reader of ['vanphong.td', 'thuongvu.td']) {
      const live = await api.get<ErrorBody>(`/api/rounds/${districtRound}/dispositions?against=live`, tokens[reader]);
      expect([live.status, live.body.code]).toEqual([403, 'LIVE_DRAFT_NOT_READABLE']);
      const table = await api.get<DispositionTableView>(`/api/rounds/${districtRound}/dispositions`, tokens[reader]);
      expect(table.status).toBe(200);
      // version 2 exists, but was never sent to the district: no later version to show against
      expect(table.body.documents).toEqual([{ documentVersionId: shared.id, against: null, againstLabel: null }]);
      const key = table.body.items[0].clusterKey;
      expect((await api.get<ErrorBody>(`/api/rounds/${districtRound}/dispositions/${key}?against=live`, tokens[reader])).body.code).toBe('LIVE_DRAFT_NOT_READABLE');
      const detail = await api.get(`/api/rounds/${districtRound}/dispositions/${key}?against=next`, tokens[reader]);
      expect(detail.status).toBe(200);
      for (const body of [table.body, detail.body]) {
        expect(JSON.stringify(body)).not.toContain(marker);
        expect(JSON.stringify(body)).not.toContain(later.id);
      }
      const exported = await fetch(`${system.feedback.url}/api/rounds/${districtRound}/dispositions/export.xlsx`, { headers: { authorization: `Bearer ${tokens[reader]}` } });
      expect(exported.status).toBe(200);
    }

    // the district disposes of its members' comments, but points at nothing in the province's text
    const item = (await api.get<DispositionTableView>(`/api/rounds/${districtRound}/dispositions`, tokens['vanphong.td'])).body.items[0];
    const dispose = (targetBlockIds: string[]) =>
      api.put<ErrorBody & { disposition: { state: string } }>(`/api/rounds/${districtRound}/dispositions/${item.clusterKey}`, { state: 'accepted', targetBlockIds, expectedVersion: 0, expectedComments: item.comments }, tokens['vanphong.td']);
    const pointing = await dispose([block]);
    expect([pointing.status, pointing.body.code]).toEqual([422, 'TARGETS_IN_ANOTHER_ORGANIZATIONS_DOCUMENT']);
    expect((await dispose([])).body.disposition.state).toBe('accepted');

    // the cell reads the version it comments on; a district not invited does not; nobody below reads the live draft
    expect((await editorApi.get(`/api/versions/${shared.id}`, tokens['chibo.binhlu'])).status).toBe(200);
    expect((await editorApi.get(`/api/versions/${shared.id}`, tokens['vanphong.pt'])).status).toBe(403);
    expect((await editorApi.get(`/api/versions/${later.id}`, tokens['vanphong.td'])).status).toBe(403);
    expect((await editorApi.get(`/api/documents/${documentId}`, tokens['vanphong.td'])).status).toBe(403);

    // once the province sends version 2 for comment too, the district's table shows against it
    expect((await round(tokens.tieuban, org.LC, later.id, { organizationIds: [org['LC-TD']] })).status).toBe(201);
    const afterSharing = await api.get<DispositionTableView>(`/api/rounds/${districtRound}/dispositions`, tokens['vanphong.td']);
    expect(afterSharing.body.documents).toEqual([{ documentVersionId: shared.id, against: later.id, againstLabel: 'Dự thảo lần 2' }]);
  });

  it('a roll-up refused by a closed upper round leaves that round as it was', async () => {
    const upper = (await round(tokens.tieuban, org.LC, shared.id, { organizationIds: [org['LC-TD']] })).body.id;
    const districtRound = (await round(tokens['vanphong.td'], org['LC-TD'], shared.id, { childrenOf: [{ organizationId: org['LC-TD'], depth: 1 }] })).body.id;
    const submission = (await api.post<{ id: string }>(`/api/rounds/${districtRound}/submissions`, { organizationId: org['LC-TD-CB1'] }, tokens['chibo.binhlu'])).body.id;
    await api.post(`/api/submissions/${submission}/comments/bulk`, { comments: [{ blockId: block, kind: 'amend', text: 'Đề nghị nâng chỉ tiêu tăng trưởng lên 8%.' }] }, tokens['chibo.binhlu']);
    await api.post(`/api/submissions/${submission}/submit`, {}, tokens['chibo.binhlu']);
    await worker.get(SynthesizeRoundHandler).handle({ roundId: districtRound });
    expect((await api.post(`/api/rounds/${upper}/close`, {}, tokens.tieuban)).status).toBe(200);

    const refused = await api.post<ErrorBody>(`/api/rounds/${districtRound}/synthesis/forward`, { targetRoundId: upper }, tokens['vanphong.td']);
    expect([refused.status, refused.body.code]).toEqual([409, 'ROUND_NOT_ACCEPTING']);
    const coverage = await api.get<{ organizationId: string; state: string }[]>(`/api/rounds/${upper}/coverage`, tokens.tieuban);
    expect(coverage.body.find((entry) => entry.organizationId === org['LC-TD'])?.state).toBe('not_started');
    expect(await dataSource.getRepository(Submission).countBy({ roundId: upper })).toBe(0);
  });
});
