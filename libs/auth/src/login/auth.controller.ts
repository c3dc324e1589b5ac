import { Body, Controller, Get, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { LoginRequest, MeView, RefreshRequest, TokenPair } from '../dto/auth.dto';
import { Public } from '@vankien/platform';
import { CurrentUser } from '../guards/authentication.guard';
import { LoginThrottlerGuard } from '../guards/login-throttler.guard';
import type { AuthenticatedUser } from '../tokens/access-tokens';
import { AuthService } from './auth.service';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @UseGuards(LoginThrottlerGuard)
  @Post('auth/login')
  @HttpCode(200)
  @ApiOkResponse({ type: TokenPair })
  login(@Body() body: LoginRequest, @Req() request: Request): Promise<TokenPair> {
    return this.auth.login(body.email, body.password, { ip: request.ip, userAgent: request.headers['user-agent'] });
  }

  @Public()
  @Post('auth/refresh')
  @HttpCode(200)
  @ApiOkResponse({ type: TokenPair })
  refresh(@Body() body: RefreshRequest): Promise<TokenPair> {
    return this.auth.refresh(body.refreshToken);
  }

  @ApiBearerAuth()
  @Post('auth/logout')
  @HttpCode(204)
  logout(@CurrentUser() user: AuthenticatedUser, @Body() body: RefreshRequest): Promise<void> {
    return this.auth.logout(user, body.refreshToken);
  }

  @ApiBearerAuth()
  @Get('me')
  @ApiOkResponse({ type: MeView })
  me(@CurrentUser() user: AuthenticatedUser): Promise<MeView> {
    return this.auth.me(user.userId);
  }
}
