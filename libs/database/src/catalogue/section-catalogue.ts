import { CongressDocument, DocumentVersion, RoundDocument } from '@vankien/domain';
import { EntityManager, In } from 'typeorm';

export interface RoundSectionCatalogue {
  documentVersionId: string;
  title: string;
  blocks: { blockId: string; type: string; sectionNumber: string; headingTrail: string[]; text: string }[];
}

/** The frozen versions of a round with their block indexes, in the round's order. */
export async function roundSectionCatalogue(manager: EntityManager, roundId: string): Promise<RoundSectionCatalogue[]> {
  const documents = await manager.getRepository(RoundDocument).find({ where: { roundId }, order: { position: 'ASC' } });
  const versions = await manager.getRepository(DocumentVersion).find({ where: { id: In(documents.map((d) => d.documentVersionId)) }, select: { id: true, documentId: true, label: true, blockIndex: true } });
  const titles = new Map((await manager.getRepository(CongressDocument).find({ where: { id: In(versions.map((v) => v.documentId)) }, select: { id: true, title: true } })).map((d) => [d.id, d.title]));
  return documents.flatMap((document) => {
    const version = versions.find((v) => v.id === document.documentVersionId);
    if (!version) return [];
    return [{
      documentVersionId: version.id,
      title: titles.get(version.documentId) ?? version.label,
      blocks: version.blockIndex.map(({ blockId, type, sectionNumber, headingTrail, text }) => ({ blockId, type, sectionNumber, headingTrail, text })),
    }];
  });
}
