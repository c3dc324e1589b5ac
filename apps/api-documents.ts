import 'reflect-metadata';
import { openApiDocumentOf, stableJson } from '@vankien/platform';
import { editorApi } from './editor/src/editor.api';
import { EditorModule } from './editor/src/editor.module';
import { feedbackApi } from './feedback/src/feedback.api';
import { FeedbackModule } from './feedback/src/feedback.module';

/** The committed OpenAPI documents: openapi/<service>.json of each HTTP service. */
export const apiDocuments = [
  { description: editorApi, module: EditorModule },
  { description: feedbackApi, module: FeedbackModule },
];

/** Each document's committed path (from the repository's root) and its text, built with no database. */
export async function generateApiDocuments(): Promise<{ path: string; text: string }[]> {
  const documents = [];
  for (const { description, module } of apiDocuments) {
    documents.push({ path: `openapi/${description.service}.json`, text: stableJson(await openApiDocumentOf(module, description)) });
  }
  return documents;
}
