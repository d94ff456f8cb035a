/** SQL writing whole kronor as a Swedish reader does: a space between thousands (1 200 000). */
export const kronorSql = (sql: string) => `replace(to_char(${sql}, 'FM999,999,999,999,990'), ',', ' ')`;
