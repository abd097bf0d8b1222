/** Integer fen as yuan with two decimals (PAY-03: money is stored in fen). */
export const yuan = (fen: number): string => (fen / 100).toFixed(2);
