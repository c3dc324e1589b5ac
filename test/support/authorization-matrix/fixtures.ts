import type { INestApplicationContext } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { SynthesizeRoundHandler } from '../../../apps/worker/src/processors/synthesize-round.handler';
import { allSaved, connectClient, typeInto } from '../collab-client';
import { apiClient } from '../test-app';
import type { Target } from './route-table';

/**
 * A unique string of a document that only its readers may ever see: text planted in it, or the
 * id of its version that no round carries (an id tells that the version exists, and opens it).
 */
export interface Marker {
  value: string;
  documentId: string;
  /** "live draft" (typed after the last version), "next version" (one no round carries), its id. */
  where: string;
}

export interface Fixtures {
  targets: Record<Target['kind'] | 'none', Target[]>;
  markers: Marker[];
}

interface VersionBody {
  id: string;
  blockIndex: { blockId: string; type: string }[];
}

const marker = (tag: string): string => `MX${tag}${randomBytes(5).toString('hex').toUpperCase()}`;

function must<T>(response: { status: number; body: T }, what: string, ...ok: number[]): T {
  if (!(ok.length ? ok : [200, 201]).includes(response.status)) throw new Error(`fixture: ${what} answered ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/**
 * The objects of the matrix, built through the API by the accounts whose work they are, in two
 * branches of the tree: the province LC's and the district LC-TD's. The district's round is the
 * path of the first finding: it is opened on the province's frozen version 1 (shared with
 * the district by the province's round), its cell comments on a paragraph of it, and that
 * paragraph of the province's later version and live draft carries markers.
 */
export async function buildFixtures(options: {
  feedbackUrl: string;
  editorUrl: string;
  dataSource: DataSource;
  worker: INestApplicationContext;
  org: Record<string, string>;
  tokens: Record<string, string>;
  userIds: Record<string, string>;
}): Promise<Fixtures> {
  const { dataSource, org, tokens } = options;
  const feedback = apiClient(options.feedbackUrl);
  const editor = apiClient(options.editorUrl);
  const markers: Marker[] = [];

  /** A political report, version 1, a marker frozen into version 2, a marker in the live draft after it. */
  const draft = async (organization: string, drafter: string, title: string) => {
    const document = must(await editor.post<{ id: string }>('/api/documents', { organizationId: org[organization], kind: 'political_report', title, term: '2025–2030' }, tokens[drafter]), `${organization} document`);
    const v1 = must(await editor.post<VersionBody>(`/api/documents/${document.id}/versions`, {}, tokens[drafter]), `${organization} version 1`);
    const paragraphs = v1.blockIndex.filter((b) => b.type === 'paragraph').map((b) => b.blockId);
    const block = paragraphs[0];
    const next = marker(`NEXT${organization.replace('-', '')}`);
    const live = marker(`LIVE${organization.replace('-', '')}`);
    const client = await connectClient(options.editorUrl, document.id, tokens[drafter]);
    try {
      typeInto(client.ydoc, block, 0, `${next} `);
      await allSaved(client);
      const v2 = must(await editor.post<VersionBody>(`/api/documents/${document.id}/versions`, {}, tokens[drafter]), `${organization} version 2`);
      typeInto(client.ydoc, block, 0, `${live} `);
      await allSaved(client);
      markers.push(
        { value: next, documentId: document.id, where: `${organization}'s next version (2)` },
        { value: live, documentId: document.id, where: `${organization}'s live draft` },
        { value: v2.id, documentId: document.id, where: `${organization}'s next version's id` },
      );
      return { id: document.id, v1: v1.id, v2: v2.id, block, otherBlock: paragraphs[1] };
    } finally {
      client.close();
    }
  };
  const lc = await draft('LC', 'tieuban', 'Báo cáo chính trị Đảng bộ tỉnh (ma trận)');
  const td = await draft('LC-TD', 'vanphong.td', 'Báo cáo chính trị Đảng bộ huyện Tam Đường (ma trận)');

  const openRound = async (organization: string, drafter: string, versionIds: string[], invitations: object) => {
    const round = must(
      await feedback.post<{ id: string }>(
        '/api/rounds',
        { organizationId: org[organization], title: `Lấy ý kiến (ma trận, ${organization})`, opensAt: new Date(Date.now() - 60_000).toISOString(), deadline: new Date(Date.now() + 86_400_000).toISOString(), documentVersionIds: versionIds, invitations },
        tokens[drafter],
      ),
      `${organization} round`,
    );
    must(await feedback.post(`/api/rounds/${round.id}/open`, {}, tokens[drafter]), `open the ${organization} round`);
    return round.id;
  };
  const lcRound = await openRound('LC', 'tieuban', [lc.v1], { childrenOf: [{ organizationId: org.LC, depth: 1 }], groups: ['retired_leaders', 'fatherland_front', 'socio_political'] });
  const tdRound = await openRound('LC-TD', 'vanphong.td', [lc.v1, td.v1], { childrenOf: [{ organizationId: org['LC-TD'], depth: 1 }] });

  const submission = async (who: string, roundId: string, organization: string, comments: object[], submit: boolean) => {
    const opened = must(await feedback.post<{ id: string }>(`/api/rounds/${roundId}/submissions`, { organizationId: org[organization] }, tokens[who]), `${who}'s submission`, 200);
    must(await feedback.post(`/api/submissions/${opened.id}/comments/bulk`, { comments }, tokens[who]), `${who}'s comments`, 201);
    if (submit) must(await feedback.post(`/api/submissions/${opened.id}/submit`, {}, tokens[who]), `${who}'s submit`, 200);
    return opened.id;
  };
  const on = (version: string, blockId: string, kind: string, text: string) => ({ documentVersionId: version, blockId, kind, text, supporters: 3, supportersTotal: 5 });
  const lcByTd = await submission('vanphong.td', lcRound, 'LC-TD', [on(lc.v1, lc.block, 'amend', 'Đề nghị nâng chỉ tiêu tăng trưởng lên 8%.'), on(lc.v1, lc.otherBlock, 'add', 'Bổ sung nội dung chuyển đổi số.')], true);
  const lcByRetired = await submission('nghihuu1', lcRound, 'LC-NGH', [on(lc.v1, lc.block, 'amend', 'Cần nói rõ hơn về kết quả giảm nghèo.')], true);
  const lcByFront = await submission('mttq', lcRound, 'LC-MTTQ', [on(lc.v1, lc.block, 'add', 'Bổ sung vai trò giám sát của Mặt trận.'), on(lc.v1, lc.otherBlock, 'general', 'Ý kiến chung của Mặt trận.')], false);
  const tdByCell = await submission('chibo.binhlu', tdRound, 'LC-TD-CB1', [on(lc.v1, lc.block, 'amend', 'Chi bộ đề nghị sửa chỉ tiêu của tỉnh.'), on(td.v1, td.block, 'add', 'Bổ sung nhiệm vụ của huyện.')], true);

  // the import preview of the Front's draft submission (an upload of the round's template)
  const template = await fetch(`${options.feedbackUrl}/api/rounds/${lcRound}/template.xlsx`, { headers: { authorization: `Bearer ${tokens.mttq}` } });
  if (template.status !== 200) throw new Error(`fixture: template.xlsx answered ${template.status}`);
  const form = new FormData();
  form.append('file', new Blob([Buffer.from(await template.arrayBuffer())]), 'mau-gop-y.xlsx');
  const uploaded = await fetch(`${options.feedbackUrl}/api/submissions/${lcByFront}/imports`, { method: 'POST', headers: { authorization: `Bearer ${tokens.mttq}` }, body: form });
  const importId = ((await uploaded.json()) as { id: string }).id;
  if (uploaded.status !== 202) throw new Error(`fixture: import answered ${uploaded.status}`);

  // the syntheses, by the worker's own handler
  const handler = options.worker.get(SynthesizeRoundHandler);
  for (const roundId of [lcRound, tdRound]) await handler.handle({ roundId });
  // the queued job of the same round may be running meanwhile: wait for a complete revision
  const clusterOn = async (roundId: string, versionId: string, blockId: string): Promise<{ key: string; commentCount: number }> => {
    for (const deadline = Date.now() + 30_000; ; ) {
      const [row] = await dataSource.query(
        `SELECT c.key, c.comment_count AS "commentCount" FROM comment_clusters c JOIN syntheses s ON s.id = c.synthesis_id
          WHERE s.round_id = $1 AND s.status = 'complete' AND NOT c.agreement AND c.document_version_id = $2 AND c.block_id = $3
          ORDER BY s.revision DESC, c.position LIMIT 1`,
        [roundId, versionId, blockId],
      );
      if (row) return row;
      if (Date.now() > deadline) throw new Error(`fixture: no proposal on ${blockId} in the synthesis of round ${roundId}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
      await handler.handle({ roundId });
    }
  };
  const lcCluster = await clusterOn(lcRound, lc.v1, lc.block);
  const tdCluster = await clusterOn(tdRound, lc.v1, lc.block);
  // the district's disposition aims at the province's paragraph, so `…/dispositions/:key` shows
  // its changes; the lead's fix of finding 1 refuses this target, and the fixture goes on without it
  await feedback.put(`/api/rounds/${tdRound}/dispositions/${tdCluster.key}`, { state: 'accepted', targetBlockIds: [lc.block], expectedVersion: 0, expectedComments: tdCluster.commentCount }, tokens['vanphong.td']);
  await feedback.put(`/api/rounds/${lcRound}/dispositions/${lcCluster.key}`, { state: 'accepted', targetBlockIds: [lc.block], expectedVersion: 0, expectedComments: lcCluster.commentCount }, tokens.tieuban);

  // approval requests: the province's before its committee; the district's approved by its own
  // committee and so before the province's (LC-TD's settings require the upper level's approval)
  const lcRequest = must(await editor.post<{ id: string }>('/api/approvals', { versionId: lc.v2 }, tokens.tieuban), 'LC approval request');
  const tdRequest = must(await editor.post<{ id: string }>('/api/approvals', { versionId: td.v2 }, tokens['vanphong.td']), 'LC-TD approval request');
  must(await editor.post(`/api/approvals/${tdRequest.id}/decisions`, { decision: 'approve' }, tokens['thuongvu.td']), 'LC-TD committee approves');
  const [tdUpper] = await dataSource.query(`SELECT id FROM approval_requests WHERE document_id = $1 AND committee_id = $2 AND status = 'pending'`, [td.id, org.LC]);
  if (!tdUpper) throw new Error('fixture: the LC-TD document did not reach the province’s committee');
  const [notification] = await dataSource.query('SELECT id FROM notifications WHERE user_id = $1 ORDER BY created_at LIMIT 1', [options.userIds.thuongvu1]);
  if (!notification) throw new Error('fixture: thuongvu1 has no notification');

  // a spare account with a role in both organisations, for the role routes to grant and revoke
  const spare = must(await feedback.post<{ id: string }>('/api/users', { email: `mx-spare-${randomBytes(3).toString('hex')}@vankien.local`, fullName: 'Tài khoản dự phòng', password: 'mat-khau-du-dai-cua-ma-tran', organizationId: org.LC, role: 'contributor' }, tokens.quantri), 'spare account');
  must(await feedback.post(`/api/organizations/${org['LC-TD']}/memberships`, { userId: spare.id, role: 'contributor' }, tokens.quantri), 'spare account’s district role');
  const membershipOf = async (organizationId: string): Promise<string> => (await dataSource.query('SELECT id FROM memberships WHERE user_id = $1 AND organization_id = $2', [spare.id, organizationId]))[0].id;
  const firstComment = async (submissionId: string): Promise<string> => (await dataSource.query('SELECT id FROM comments WHERE submission_id = $1 ORDER BY position LIMIT 1', [submissionId]))[0].id;
  const invited = async (roundId: string): Promise<string> => (await dataSource.query('SELECT organization_id AS id FROM invitations WHERE round_id = $1 ORDER BY created_at', [roundId])).map((r: { id: string }) => r.id).join(',');

  const organizationTarget = async (code: string, ownVersionId: string, unsharedForeignVersionId: string): Promise<Target> => ({
    name: `${code} organisation`,
    kind: 'organization',
    id: org[code],
    params: { id: org[code], membershipId: await membershipOf(org[code]) },
    extra: { spareUserId: spare.id, ownVersionId, unsharedForeignVersionId },
  });
  const documentTarget = (code: string, d: typeof lc): Target => ({
    name: `${code} document`,
    kind: 'document',
    id: d.id,
    params: { id: d.id, versionId: d.v2 },
    extra: { documentId: d.id, firstVersionId: d.v1, latestVersionId: d.v2 },
  });
  const roundTarget = async (name: string, id: string, key: string, upperRoundId: string, foreignBlockId: string): Promise<Target> => ({
    name,
    kind: 'round',
    id,
    params: { id, roundId: id, key },
    extra: { invitedIds: await invited(id), upperRoundId, foreignBlockId },
  });
  const submissionTarget = async (name: string, id: string, roundVersion: string, blockId: string): Promise<Target> => ({
    name,
    kind: 'submission',
    id,
    params: { id, commentId: await firstComment(id), importId },
    extra: { versionId: roundVersion, blockId },
  });

  return {
    markers,
    targets: {
      none: [{ name: '-', kind: 'organization', id: '', params: { kind: 'political_report' }, extra: {} }],
      // the other organisation's latest version, which no round carries
      organization: [await organizationTarget('LC', lc.v1, td.v2), await organizationTarget('LC-TD', td.v1, lc.v2)],
      document: [documentTarget('LC', lc), documentTarget('LC-TD', td)],
      // a block of a document the round's organisation does not draft, for a disposition to target
      round: [await roundTarget('LC round', lcRound, lcCluster.key, tdRound, td.block), await roundTarget('LC-TD round (on LC’s version 1)', tdRound, tdCluster.key, lcRound, lc.block)],
      submission: [
        await submissionTarget('LC round: LC-TD’s submission', lcByTd, lc.v1, lc.block),
        await submissionTarget('LC round: nghihuu1’s own', lcByRetired, lc.v1, lc.block),
        await submissionTarget('LC round: LC-MTTQ’s draft', lcByFront, lc.v1, lc.block),
        await submissionTarget('LC-TD round: cell LC-TD-CB1’s', tdByCell, lc.v1, lc.block),
      ],
      approval_request: [
        { name: 'LC document before LC’s committee', kind: 'approval_request', id: lcRequest.id, params: { id: lcRequest.id }, extra: {} },
        { name: 'LC-TD document, LC-TD’s committee (approved)', kind: 'approval_request', id: tdRequest.id, params: { id: tdRequest.id }, extra: {} },
        { name: 'LC-TD document before LC’s committee', kind: 'approval_request', id: tdUpper.id, params: { id: tdUpper.id }, extra: {} },
      ],
      notification: [{ name: 'thuongvu1’s notification', kind: 'notification', id: notification.id, params: { id: notification.id }, extra: {} }],
    },
  };
}
