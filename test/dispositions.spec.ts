import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import type { DataSource } from 'typeorm';
import * as Y from 'yjs';
import type { ApprovalRequestView } from '../apps/editor/src/approvals/approvals.service';
import type { DispositionItemView, DispositionTableView } from '../apps/feedback/src/dispositions/dispositions.service';
import { SynthesizeRoundHandler } from '../apps/worker/src/processors/synthesize-round.handler';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { allSaved, connectClient, findBlock, typeInto } from './support/collab-client';
import { seededSystem, type SeededSystem } from './support/seeded-system';
import { apiClient, type RunningApp } from './support/test-app';

interface ErrorBody {
  code: string;
  details: unknown;
}
interface VersionBody {
  id: string;
  blockIndex: { blockId: string; type: string; sectionNumber: string }[];
}

/**
 * The whole path on the demo data: the district (LC-TD) drafts its political report, its cells
 * comment, the synthesis is disposed of, the next draft is written and frozen, and it is
 * approved by the district's standing committee and then by the province's.
 */
describe('dispositions, the next draft and its approval', () => {
  let system: SeededSystem;
  let dataSource: DataSource;
  let feedback: RunningApp;
  let editor: RunningApp;
  let worker: INestApplicationContext;
  let api: ReturnType<typeof apiClient>;
  let editorApi: ReturnType<typeof apiClient>;
  const org: Record<string, string> = {};
  let tokens: Record<string, string> = {};
  /** The round of the whole-path test, for the bad-input test after it. */
  let synthesisedRound = '';

  beforeAll(async () => {
    system = await seededSystem(['tieuban', 'quantri', 'vanphong.td', 'thuongvu.td', 'thuongvu1', 'thuongvu2', 'chibo.binhlu']);
    ({ dataSource, feedback, editor, tokens } = system);
    Object.assign(org, system.org);
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error'] });
    await worker.init();
    api = apiClient(feedback.url);
    editorApi = apiClient(editor.url);
    await api.post('/api/users', { email: 'chibo.sonbinh@vankien.local', fullName: 'Văn phòng Chi bộ xã Sơn Bình', password: 'mat-khau-du-dai', organizationId: org['LC-TD-CB2'], role: 'clerk' }, tokens.quantri);
    await system.login('chibo.sonbinh', 'chibo.sonbinh@vankien.local', 'mat-khau-du-dai');
    // a third cell, which answers late
    const cell = await api.post<{ id: string }>('/api/organizations', { parentId: org['LC-TD'], name: 'Chi bộ xã Bản Bo', code: 'LC-TD-CB3', level: 'cell', kind: 'party_organization' }, tokens.quantri);
    org['LC-TD-CB3'] = cell.body.id;
    await api.post('/api/users', { email: 'chibo.banbo@vankien.local', fullName: 'Văn phòng Chi bộ xã Bản Bo', password: 'mat-khau-du-dai', organizationId: cell.body.id, role: 'clerk' }, tokens.quantri);
    await system.login('chibo.banbo', 'chibo.banbo@vankien.local', 'mat-khau-du-dai');
  });

  afterAll(async () => {
    await worker?.close();
    await system?.closeAll();
  });

  const submit = async (token: string, roundId: string, organizationId: string, comments: object[]): Promise<void> => {
    const submission = (await api.post<{ id: string }>(`/api/rounds/${roundId}/submissions`, { organizationId }, token)).body.id;
    const added = await api.post(`/api/submissions/${submission}/comments/bulk`, { comments }, token);
    expect({ status: added.status, body: added.status === 201 ? null : added.body }).toEqual({ status: 201, body: null });
    expect((await api.post(`/api/submissions/${submission}/submit`, {}, token)).status).toBe(200);
  };
  const table = async (roundId: string, query = ''): Promise<DispositionTableView> => {
    const response = await api.get<DispositionTableView>(`/api/rounds/${roundId}/dispositions${query}`, tokens['vanphong.td']);
    expect(response.status).toBe(200);
    return response.body;
  };
  const dispose = (roundId: string, item: DispositionItemView, body: object, who = 'vanphong.td') =>
    api.put<DispositionItemView & ErrorBody>(`/api/rounds/${roundId}/dispositions/${item.clusterKey}`, { expectedVersion: item.disposition.version, expectedComments: item.comments, ...body }, tokens[who]);
  const removeBlock = (ydoc: Y.Doc, blockId: string): void => {
    const element = findBlock(ydoc, blockId)!;
    const parent = element.parent as Y.XmlFragment;
    parent.delete(parent.toArray().indexOf(element), 1);
  };

  it('goes from the synthesis through dispositions and the next draft to approval by both committees', async () => {
    // the district's draft, frozen for comments by its cells
    const document = await editorApi.post<{ id: string }>('/api/documents', { organizationId: org['LC-TD'], kind: 'political_report', title: 'Báo cáo chính trị Đảng bộ huyện Tam Đường', term: '2025–2030' }, tokens['vanphong.td']);
    const v1 = (await editorApi.post<VersionBody>(`/api/documents/${document.body.id}/versions`, {}, tokens['vanphong.td'])).body;
    const [growthBlock, cultureBlock, securityBlock] = v1.blockIndex.filter((b) => b.type === 'paragraph').map((b) => b.blockId);
    const created = await api.post<{ id: string }>(
      '/api/rounds',
      { organizationId: org['LC-TD'], title: 'Lấy ý kiến dự thảo Báo cáo chính trị huyện', opensAt: new Date(Date.now() - 60_000).toISOString(), deadline: new Date(Date.now() + 86_400_000).toISOString(), documentVersionIds: [v1.id], invitations: { childrenOf: [{ organizationId: org['LC-TD'], depth: 1 }] } },
      tokens['vanphong.td'],
    );
    const roundId = created.body.id;
    synthesisedRound = roundId;
    await api.post(`/api/rounds/${roundId}/open`, {}, tokens['vanphong.td']);
    await submit(tokens['chibo.binhlu'], roundId, org['LC-TD-CB1'], [
      { blockId: growthBlock, kind: 'add', text: 'Đề nghị bổ sung nội dung về chuyển đổi số.', supporters: 9, supportersTotal: 12 },
      { blockId: growthBlock, kind: 'amend', text: 'Đề nghị nâng chỉ tiêu tăng trưởng lên 8%.', supporters: 5, supportersTotal: 12 },
      { blockId: cultureBlock, kind: 'agree', text: 'Tán thành như dự thảo.', supporters: 12, supportersTotal: 12 },
      { blockId: securityBlock, kind: 'delete', text: 'Đề nghị bỏ đoạn này vì trùng với phần trên.', supporters: 4, supportersTotal: 12 },
    ]);
    await submit(tokens['chibo.sonbinh'], roundId, org['LC-TD-CB2'], [
      { blockId: growthBlock, kind: 'add', text: 'Cần bổ sung thêm nội dung chuyển đổi số trong phần này.', supporters: 7, supportersTotal: 10 },
      { blockId: cultureBlock, kind: 'add', text: 'Bổ sung nhiệm vụ bảo tồn văn hóa dân tộc Dao, Mông.', supporters: 6, supportersTotal: 10 },
    ]);
    const handler = worker.get(SynthesizeRoundHandler);
    await handler.handle({ roundId });

    // every proposal is pending; general agreement is not a proposal
    let view = await table(roundId);
    expect(view.progress).toMatchObject({ proposals: 4, disposed: 0, byState: { pending: 4 } });
    expect(view.items.map((i) => i.sectionNumber)).toEqual([...view.items.map((i) => i.sectionNumber)].sort((a, b) => v1.blockIndex.findIndex((x) => x.sectionNumber === a) - v1.blockIndex.findIndex((x) => x.sectionNumber === b)));
    const digital = view.items.find((i) => i.representative.includes('chuyển đổi số'))!;
    expect(digital).toMatchObject({ units: 2, supporters: 16, statedSupporters: 16, contributors: 0, unitsBySource: { lower_organization: 2 }, commentsBySource: { lower_organization: 2 }, comments: 2, proposers: ['Chi bộ xã Bình Lư', 'Chi bộ xã Sơn Bình'], disposition: { state: 'pending', version: 0 }, carried: null });
    const growth = view.items.find((i) => i.representative.includes('8%'))!;
    const culture = view.items.find((i) => i.representative.includes('Dao, Mông'))!;
    const security = view.items.find((i) => i.representative.includes('bỏ đoạn'))!;

    // the drafters write the next draft: the growth paragraph carries the accepted proposals; the
    // security paragraph is deleted
    const client = await connectClient(editor.url, document.body.id, tokens['vanphong.td']);
    typeInto(client.ydoc, growthBlock, 0, 'Đẩy mạnh chuyển đổi số; phấn đấu tăng trưởng 7,5%. ');
    client.ydoc.transact(() => removeBlock(client.ydoc, securityBlock));
    await allSaved(client);
    client.close();

    // bad input: an explanation missing where required, a block that is not in the new draft,
    // a stranger to the round, an agreement, an unknown cluster
    const noExplanation = await dispose(roundId, growth, { state: 'partly_accepted' });
    expect([noExplanation.status, noExplanation.body.code]).toEqual([422, 'INVALID_DISPOSITION']);
    expect(JSON.stringify(noExplanation.body.details)).toContain('explanation');
    const unknownTarget = await dispose(roundId, digital, { state: 'accepted', targetBlockIds: ['khong-co-khoi-nay'] });
    expect([unknownTarget.status, unknownTarget.body.code]).toEqual([422, 'UNKNOWN_TARGET_BLOCKS']);
    expect((await dispose(roundId, digital, { state: 'accepted' }, 'tieuban')).status).toBe(403);
    expect((await dispose(roundId, digital, { state: 'accepted' }, 'chibo.binhlu')).status).toBe(403);
    expect((await dispose(roundId, digital, { state: 'approved' })).status).toBe(400);
    expect((await api.put<ErrorBody>(`/api/rounds/${roundId}/dispositions/khong-co`, { state: 'accepted', expectedVersion: 0, expectedComments: 1 }, tokens['vanphong.td'])).body.code).toBe('CLUSTER_NOT_FOUND');
    const report = await api.get<{ documents: { sections: { blockId: string; title: string; wholeDocument: boolean; agreement: { key: string } | null }[] }[] }>(`/api/rounds/${roundId}/synthesis`, tokens['vanphong.td']);
    const agreementKey = report.body.documents[0].sections.find((s) => s.agreement)!.agreement!.key;
    // the draft's first two paragraphs come before its first heading: each is named by its first
    // words, not as the whole document (whose comments are anchored to its first block, the title)
    const titleOf = (blockId: string) => report.body.documents[0].sections.find((s) => s.blockId === blockId);
    expect(titleOf(growthBlock)).toMatchObject({ wholeDocument: false, title: expect.stringMatching(/^Mở đầu – “\[Chủ đề Đại hội/) });
    expect(titleOf(cultureBlock)).toMatchObject({ wholeDocument: false, title: expect.stringMatching(/^Mở đầu – “\[Phần mở đầu/) });
    expect(titleOf(securityBlock)?.title).toMatch(/^P1 – Phần thứ nhất/);
    expect((await api.put<ErrorBody>(`/api/rounds/${roundId}/dispositions/${agreementKey}`, { state: 'accepted', expectedVersion: 0, expectedComments: 1 }, tokens['vanphong.td'])).body.code).toBe('NOT_A_PROPOSAL');
    expect((await table(roundId)).progress.disposed).toBe(0);

    // dispositions
    const accepted = await dispose(roundId, digital, { state: 'accepted', targetBlockIds: [growthBlock] });
    expect(accepted.status).toBe(200);
    expect(accepted.body.disposition).toMatchObject({ state: 'accepted', version: 1, memberCountAtDecision: 2, targetBlockIds: [growthBlock], decidedBy: { name: expect.any(String) } });
    // a second drafter working from the same read is told, not overwritten
    const stale = await dispose(roundId, digital, { state: 'explained', explanation: 'Đã có ở phần khác.' });
    expect([stale.status, stale.body.code]).toEqual([409, 'STALE_DISPOSITION']);
    expect((await table(roundId)).items.find((i) => i.clusterKey === digital.clusterKey)!.disposition.state).toBe('accepted');
    expect((await dispose(roundId, growth, { state: 'partly_accepted', explanation: 'Nâng lên 7,5% cho phù hợp nguồn lực của huyện.', targetBlockIds: [growthBlock] })).status).toBe(200);
    // several at once, all or none: one stale item and nothing changes
    const bulkStale = await api.post<ErrorBody>(`/api/rounds/${roundId}/dispositions/bulk`, { state: 'explained', explanation: 'Đã thể hiện trong Chương trình hành động.', items: [culture, digital].map((i) => ({ clusterKey: i.clusterKey, expectedVersion: 0, expectedComments: i.comments })) }, tokens['vanphong.td']);
    expect([bulkStale.status, bulkStale.body.code]).toEqual([409, 'STALE_DISPOSITION']);
    expect((await table(roundId)).progress.disposed).toBe(2);
    // two drafters deciding on the same proposal at the same moment: one wins, the other is told
    const together = await Promise.all([
      dispose(roundId, security, { state: 'explained', explanation: 'Giữ đoạn này vì nói về an ninh biên giới.' }),
      dispose(roundId, security, { state: 'accepted' }),
    ]);
    expect(together.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(together.find((r) => r.status === 409)!.body.code).toBe('STALE_DISPOSITION');
    const bulk = await api.post<{ disposed: number }>(
      `/api/rounds/${roundId}/dispositions/bulk`,
      { state: 'explained', explanation: 'Đã thể hiện trong Chương trình hành động.', items: [{ clusterKey: culture.clusterKey, expectedVersion: 0, expectedComments: culture.comments }, { clusterKey: security.clusterKey, expectedVersion: 1, expectedComments: security.comments }] },
      tokens['vanphong.td'],
    );
    expect(bulk.body.disposed).toBe(2);
    view = await table(roundId);
    expect(view.progress).toMatchObject({ proposals: 4, disposed: 4, byState: { accepted: 1, partly_accepted: 1, explained: 2, pending: 0 } });
    expect((await table(roundId, '?state=explained')).items.map((i) => i.clusterKey).sort()).toEqual([culture.clusterKey, security.clusterKey].sort());
    expect((await table(roundId, '?minUnits=2')).items.map((i) => i.clusterKey)).toEqual([digital.clusterKey]);
    expect((await api.get<ErrorBody>(`/api/rounds/${roundId}/dispositions?state=done`, tokens['vanphong.td'])).status).toBe(400);

    // a late comment joins the accepted proposal: the disposition carries over to the new
    // revision, flagged for another look; a decision based on the old count is a conflict
    await submit(tokens['chibo.banbo'], roundId, org['LC-TD-CB3'], [{ blockId: growthBlock, kind: 'add', text: 'Bổ sung nội dung về chuyển đổi số trong phần này.', supporters: 6, supportersTotal: 8 }]);
    await handler.handle({ roundId });
    view = await table(roundId);
    const digitalNow = view.items.find((i) => i.clusterKey === digital.clusterKey)!;
    expect(digitalNow).toMatchObject({ comments: 3, needsReview: true, disposition: { state: 'accepted', memberCountAtDecision: 2 } });
    expect(view.progress.needsReview).toBe(1);
    expect((await table(roundId, '?needsReview=true')).items.map((i) => i.clusterKey)).toEqual([digital.clusterKey]);
    const changed = await dispose(roundId, { ...digitalNow, comments: 2 }, { state: 'accepted', targetBlockIds: [growthBlock] });
    expect([changed.status, changed.body.code]).toEqual([409, 'CLUSTER_CHANGED']);
    const relooked = await dispose(roundId, digitalNow, { state: 'accepted', targetBlockIds: [growthBlock] });
    expect(relooked.body).toMatchObject({ needsReview: false, disposition: { memberCountAtDecision: 3, version: 2 } });

    // before the next draft is frozen, the paper says where a proposal went in the live draft, never a block id
    const early = await fetch(`${feedback.url}/api/rounds/${roundId}/dispositions/export.xlsx`, { headers: { authorization: `Bearer ${tokens['vanphong.td']}` } });
    const earlyBook = new ExcelJS.Workbook();
    await earlyBook.xlsx.load((await early.arrayBuffer()) as ArrayBuffer);
    const earlyWhere: string[] = [];
    const whereColumn = (earlyBook.worksheets[0].getRow(3).values as unknown[]).indexOf('Vị trí trong dự thảo mới');
    earlyBook.worksheets[0].eachRow((row, index) => index > 4 && String(row.getCell(3).value).includes('8%') && earlyWhere.push(String(row.getCell(whereColumn).value)));
    const growthPlace = v1.blockIndex.find((b) => b.blockId === growthBlock)!.sectionNumber || 'Mở đầu';
    expect(earlyWhere).toEqual([`${growthPlace} (bản đang soạn)`]);
    expect(earlyWhere[0]).not.toContain(growthBlock);

    // the next draft is frozen: anchors of version 1 are shown against version 2, a deleted block as deleted
    const v2 = (await editorApi.post<VersionBody>(`/api/documents/${document.body.id}/versions`, {}, tokens['vanphong.td'])).body;
    view = await table(roundId);
    expect(view.documents).toEqual([{ documentVersionId: v1.id, against: v2.id, againstLabel: 'Dự thảo lần 2' }]);
    expect(view.items.find((i) => i.clusterKey === digital.clusterKey)!.carried).toMatchObject({ blockId: growthBlock, status: 'changed' });
    expect(view.items.find((i) => i.clusterKey === security.clusterKey)!.carried).toMatchObject({ blockId: securityBlock, status: 'removed', to: null, from: { text: expect.any(String) } });
    expect(view.items.find((i) => i.clusterKey === culture.clusterKey)!.carried!.status).toMatch(/unchanged|renumbered/);
    const detail = await api.get<DispositionItemView & { changes: { blockId: string; change: string; words: { kind: string; text: string }[] }[] }>(`/api/rounds/${roundId}/dispositions/${digital.clusterKey}`, tokens['vanphong.td']);
    expect(detail.body.targets).toEqual([{ blockId: growthBlock, sectionNumber: expect.any(String), present: true }]);
    expect(detail.body.changes[0]).toMatchObject({ blockId: growthBlock, change: 'changed' });
    expect(detail.body.changes[0].words.filter((w) => w.kind === 'added').map((w) => w.text).join('')).toContain('chuyển đổi số');

    // the table exports, read back by independent readers
    const xlsx = await fetch(`${feedback.url}/api/rounds/${roundId}/dispositions/export.xlsx`, { headers: { authorization: `Bearer ${tokens['vanphong.td']}` } });
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await xlsx.arrayBuffer()) as ArrayBuffer);
    const rows: unknown[][] = [];
    workbook.worksheets[0].eachRow((row, index) => index > 4 && rows.push((row.values as unknown[]).slice(1)));
    expect(rows).toHaveLength(4);
    // Số ý kiến, Số đơn vị, Số cá nhân góp ý, Số người do đơn vị nêu: one unit of count each; the sources in units
    expect(rows.find((r) => String(r[2]).includes('8%'))).toEqual([
      expect.any(Number),
      expect.any(String),
      'Đề nghị nâng chỉ tiêu tăng trưởng lên 8%.',
      'Chi bộ xã Bình Lư (Cấp ủy trực thuộc: 1 đơn vị)',
      1,
      1,
      0,
      5,
      'Tiếp thu một phần',
      'Nâng lên 7,5% cho phù hợp nguồn lực của huyện.',
      expect.any(String),
    ]);
    expect(rows.find((r) => String(r[2]).includes('bỏ đoạn'))![8]).toBe('Giải trình');
    const docx = await fetch(`${feedback.url}/api/rounds/${roundId}/dispositions/export.docx`, { headers: { authorization: `Bearer ${tokens['vanphong.td']}` } });
    const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(await docx.arrayBuffer()) });
    for (const expected of ['BẢNG TỔNG HỢP TIẾP THU, GIẢI TRÌNH', 'Dự thảo lần 2', 'Tiếp thu một phần', 'Nâng lên 7,5%', 'Đã thể hiện trong Chương trình hành động.']) expect(text).toContain(expected);

    // the approval: the district's standing committee, then the province's
    const request = await editorApi.post<ApprovalRequestView>('/api/approvals', { versionId: v2.id, message: 'Kèm bảng tiếp thu, giải trình.' }, tokens['vanphong.td']);
    expect(request.body).toMatchObject({ stage: 1, stages: 2, committee: { code: 'LC-TD' } });
    expect((await editorApi.post<ApprovalRequestView>(`/api/approvals/${request.body.id}/decisions`, { decision: 'approve' }, tokens['thuongvu.td'])).body.status).toBe('approved');
    const [stage2] = (await editorApi.get<ApprovalRequestView[]>('/api/approvals/inbox', tokens.thuongvu1)).body.filter((r) => r.documentId === document.body.id);
    expect(stage2).toMatchObject({ stage: 2, committee: { code: 'LC' }, versionId: v2.id });
    await editorApi.post(`/api/approvals/${stage2.id}/decisions`, { decision: 'approve' }, tokens.thuongvu1);
    expect((await editorApi.post<ApprovalRequestView>(`/api/approvals/${stage2.id}/decisions`, { decision: 'approve' }, tokens.thuongvu2)).body.status).toBe('approved');
    const final = await editorApi.get<{ approvedVersionId: string }>(`/api/documents/${document.body.id}`, tokens['vanphong.td']);
    expect(final.body.approvedVersionId).toBe(v2.id);

    // the document's history holds the dispositions and the approvals
    const history = await editorApi.get<{ action: string }[]>(`/api/documents/${document.body.id}/history`, tokens['vanphong.td']);
    const actions = history.body.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['disposition.set', 'disposition.bulk_set', 'approval.requested', 'approval.request_approved', 'document.approved']));
    expect(actions.indexOf('disposition.set')).toBeLessThan(actions.indexOf('document.approved'));
  });

  it('answers bad requests about the table with a 4xx that names the problem, and changes nothing', async () => {
    const roundId = synthesisedRound;
    const before = await table(roundId);
    const [first] = before.items;
    const query = async (q: string) => (await api.get<ErrorBody>(`/api/rounds/${roundId}/dispositions${q}`, tokens['vanphong.td'])).status;
    expect(await query('?limit=0')).toBe(400);
    expect(await query('?limit=5001')).toBe(400);
    expect(await query('?against=yesterday')).toBe(400);
    expect(await query('?source=aliens')).toBe(400);
    expect(await query('?needsReview=maybe')).toBe(400);
    expect(await query('?documentVersionId=v1')).toBe(400);
    expect((await api.get<ErrorBody>('/api/rounds/not-a-round/dispositions', tokens['vanphong.td'])).status).toBe(400);
    const bulk = (body: object) => api.post<ErrorBody>(`/api/rounds/${roundId}/dispositions/bulk`, body, tokens['vanphong.td']);
    const item = { clusterKey: first.clusterKey, expectedVersion: first.disposition.version, expectedComments: first.comments };
    const twice = await bulk({ state: 'accepted', items: [item, item] });
    expect([twice.status, twice.body.code]).toEqual([422, 'VALIDATION_FAILED']);
    expect((await bulk({ state: 'accepted', items: [] })).status).toBe(400);
    expect((await bulk({ state: 'accepted', items: [{ clusterKey: 'x y', expectedVersion: 0, expectedComments: 1 }] })).status).toBe(400);
    expect((await bulk({ state: 'accepted', items: [{ ...item, expectedVersion: -1 }] })).status).toBe(400);
    const missingExplanation = await bulk({ state: 'explained', items: [item] });
    expect([missingExplanation.status, missingExplanation.body.code]).toEqual([422, 'INVALID_DISPOSITION']);
    const unknownField = await api.put<ErrorBody>(`/api/rounds/${roundId}/dispositions/${first.clusterKey}`, { ...item, state: 'accepted', approvedBy: 'me' }, tokens['vanphong.td']);
    expect(unknownField.status).toBe(400);
    const tooManyTargets = await api.put<ErrorBody>(`/api/rounds/${roundId}/dispositions/${first.clusterKey}`, { ...item, state: 'accepted', targetBlockIds: Array.from({ length: 51 }, (_, i) => `b${i}`) }, tokens['vanphong.td']);
    expect(tooManyTargets.status).toBe(400);
    // a round without a synthesis has no table yet
    const [{ id: emptyRound }] = await dataSource.query(`INSERT INTO comment_rounds (organization_id, title, status, opens_at, deadline) VALUES ($1, 'Trống', 'open', now(), now() + interval '1 day') RETURNING id`, [org['LC-TD']]);
    expect((await api.get<ErrorBody>(`/api/rounds/${emptyRound}/dispositions`, tokens['vanphong.td'])).body.code).toBe('NO_SYNTHESIS_YET');
    expect((await api.get<ErrorBody>(`/api/rounds/${emptyRound}/dispositions/export.xlsx`, tokens['vanphong.td'])).status).toBe(404);
    // readers outside the round's organisation see nothing
    expect((await api.get(`/api/rounds/${roundId}/dispositions`, tokens['chibo.binhlu'])).status).toBe(403);
    expect((await api.get(`/api/rounds/${roundId}/dispositions/export.docx`, tokens.tieuban)).status).toBe(403);
    expect(await table(roundId)).toEqual(before);
  });
});
