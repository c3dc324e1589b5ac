import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, Length, MaxLength } from 'class-validator';

export class LoginRequest {
  @ApiProperty({ example: 'vanphong@laichau.vn' })
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'mật khẩu' })
  @IsString()
  @Length(1, 256)
  password!: string;
}

export class RefreshRequest {
  @ApiProperty({ description: 'The refresh token received at login or at the last refresh' })
  @IsString()
  @Length(20, 200)
  refreshToken!: string;
}

export class TokenPair {
  @ApiProperty() accessToken!: string;
  @ApiProperty({ description: 'Seconds until the access token expires' }) expiresIn!: number;
  @ApiProperty({ description: 'Single use: each refresh returns a new one' }) refreshToken!: string;
  @ApiProperty() refreshTokenExpiresAt!: string;
}

export class MembershipView {
  @ApiProperty() organizationId!: string;
  @ApiProperty() organizationName!: string;
  @ApiProperty() organizationCode!: string;
  @ApiProperty() level!: string;
  @ApiProperty({ enum: ['drafter', 'clerk', 'contributor', 'approver', 'admin'] }) role!: string;
}

export class MeView {
  @ApiProperty() id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ type: [MembershipView] }) memberships!: MembershipView[];
}
