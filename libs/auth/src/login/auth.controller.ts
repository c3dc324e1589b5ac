import { Body, Controller, Get, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { LoginRequest, MeView, RefreshRequest, TokenPair } from '../dto/auth.dto';
import { ApiErrors, Public } from '@vankien/platform';
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
  @ApiOperation({ summary: 'Đăng nhập / Sign in' })
  @ApiOkResponse({ type: TokenPair, description: 'A 15-minute access token and a refresh token' })
  @ApiErrors(400, 401, 429)
  login(@Body() body: LoginRequest, @Req() request: Request): Promise<TokenPair> {
    return this.auth.login(body.email, body.password, { ip: request.ip, userAgent: request.headers['user-agent'] });
  }

  @Public()
  @Post('auth/refresh')
  @HttpCode(200)
  @ApiOperation({ summary: 'Gia hạn phiên đăng nhập / Refresh the session' })
  @ApiOkResponse({ type: TokenPair, description: 'A new pair; the refresh token sent is used up' })
  @ApiErrors(400, 401)
  refresh(@Body() body: RefreshRequest): Promise<TokenPair> {
    return this.auth.refresh(body.refreshToken);
  }

  @ApiBearerAuth()
  @Post('auth/logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'Đăng xuất / Sign out' })
  @ApiNoContentResponse({ description: 'The session is revoked' })
  @ApiErrors(400, 401)
  logout(@CurrentUser() user: AuthenticatedUser, @Body() body: RefreshRequest): Promise<void> {
    return this.auth.logout(user, body.refreshToken);
  }

  @ApiBearerAuth()
  @Get('me')
  @ApiOperation({ summary: 'Thông tin tài khoản của tôi / The signed-in user and their memberships' })
  @ApiOkResponse({ type: MeView })
  @ApiErrors(401)
  me(@CurrentUser() user: AuthenticatedUser): Promise<MeView> {
    return this.auth.me(user.userId);
  }
}
