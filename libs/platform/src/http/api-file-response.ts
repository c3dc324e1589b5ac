import { ApiOkResponse } from '@nestjs/swagger';

/**
 * A 200 whose body is a file of the given type. The type is named on this response only
 * (not with @ApiProduces, which would describe the operation's JSON errors as that type too).
 */
export function ApiFileResponse(mimeType: string, description: string): MethodDecorator & ClassDecorator {
  return ApiOkResponse({ description, content: { [mimeType]: { schema: { type: 'string', format: 'binary' } } } });
}
