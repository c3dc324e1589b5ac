import { SetMetadata } from '@nestjs/common';

export const publicRouteKey = 'vankien:public';

/** Marks a route that needs no access token (login, refresh, health). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(publicRouteKey, true);
