import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A machine client's key (the budget system). Only a SHA-256 hash of the secret is stored: the secret is random
 * and long, so a slow password hash would add nothing but latency to every call. The prefix names the key in
 * lists and logs without revealing it.
 */
@Entity({ name: 'api_keys' })
export class ApiKeyEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ux_api_keys_name', { unique: true })
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Index('ux_api_keys_prefix', { unique: true })
  @Column({ type: 'varchar', length: 16 })
  prefix: string;

  @Column({ type: 'char', length: 64 })
  secretHash: string;

  @Column({ type: 'text', array: true })
  scopes: string[];

  /** The actor id of the admin who created it. */
  @Column({ type: 'varchar', length: 200 })
  createdBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
