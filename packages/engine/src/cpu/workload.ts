/**
 * The transaction-processing workload every CPU element runs: transfers between accounts held in
 * the memory image, a journal ring, a running checksum, and one voted output (the commit record)
 * per transaction. Deterministic: the same image gives the same output stream.
 *
 * Why the commit record looks like this (docs/design.md, "Workload"): every register the
 * transaction uses is folded into the running checksum before each output with a mixing step
 * (xor, odd multiply, xorshift), and the output is the checksum through a final multiply-xorshift.
 * So a difference in any register that is still live reaches the very next output, and two
 * independent faults almost never produce the same wrong output (about 2^-32), which is what a
 * 2-of-3 vote relies on.
 */
import { Assembler, Op } from './isa.ts';

/** Word offsets of the workload's data in the memory image. */
export const WORKLOAD = {
  accountsBase: 4096,
  /** Accounts (power of two): their pages form most of the write working set. */
  accounts: 16_384,
  journalBase: 65_536,
  journalWords: 16_384,
  initialBalance: 1000,
  portCommit: 1,
  portDecline: 2,
} as const;

/** Smallest memory image (in words) the workload fits in. */
export const MIN_MEMORY_WORDS = 1 << 17;

/** Register roles: all sixteen are used, so no register is dead everywhere. */
export const REG = {
  TMP: 0,
  SEED: 1,
  TXID: 2,
  SUM: 3,
  FROM: 4,
  TO: 5,
  AMOUNT: 6,
  PFROM: 7,
  BFROM: 8,
  PTO: 9,
  BTO: 10,
  ACC: 11,
  JCUR: 12,
  JPTR: 13,
  JBASE: 14,
  REC: 15,
} as const;

/** Registers folded into the checksum before every output (all but the two scratch registers). */
const FOLDED = [
  REG.SEED,
  REG.TXID,
  REG.FROM,
  REG.TO,
  REG.AMOUNT,
  REG.PFROM,
  REG.BFROM,
  REG.PTO,
  REG.BTO,
  REG.ACC,
  REG.JCUR,
  REG.JPTR,
  REG.JBASE,
];

/** Odd multipliers of the fold steps and of the record (MurmurHash3's fmix32 constants). */
const FOLD = 0x85ebca6b;
const FMIX = 0xc2b2ae35;

/** Folds the registers into the checksum, mixes it into the record and outputs it. */
function commitRecord(a: Assembler, multiplier: number, port: number): void {
  const { SUM, TMP, REC } = REG;
  a.emit(Op.Muli, SUM, SUM, multiplier);
  // Each step is a bijection of the checksum (xor, odd multiply, xorshift): the multiply carries
  // a difference up, the shift carries it down, so differences in two registers (say a pointer
  // and an address made from it) cannot cancel out the way they can in a plain sum or xor.
  for (const reg of FOLDED) {
    a.emit(Op.Xor, SUM, SUM, reg)
      .emit(Op.Muli, SUM, SUM, FOLD)
      .emit(Op.Shri, TMP, SUM, 15)
      .emit(Op.Xor, SUM, SUM, TMP);
  }
  // The record is the checksum through the rest of the MurmurHash3 finaliser.
  a.emit(Op.Muli, REC, SUM, FMIX)
    .emit(Op.Shri, TMP, REC, 16)
    .emit(Op.Xor, REC, REC, TMP)
    .emit(Op.Out, REC, 0, port)
    .emit(Op.Jmp, 0, 0, 'loop');
}

/** Builds the workload program. */
export function buildWorkload(): Int32Array {
  const w = WORKLOAD;
  const mask = w.accounts - 1;
  const { SEED, TXID, FROM, TO, AMOUNT, PFROM, BFROM, PTO, BTO, ACC, JCUR, JPTR, JBASE } = REG;
  const a = new Assembler();
  a.emit(Op.Li, ACC, 0, w.accountsBase)
    .emit(Op.Li, JBASE, 0, w.journalBase)
    .emit(Op.Li, JCUR, 0, 0)
    .label('loop')
    // Next pseudo-random request from a linear congruential generator.
    .emit(Op.Muli, SEED, SEED, 1103515245)
    .emit(Op.Addi, SEED, SEED, 12345)
    .emit(Op.Shri, FROM, SEED, 7)
    .emit(Op.Andi, FROM, FROM, mask)
    .emit(Op.Shri, TO, SEED, 17)
    .emit(Op.Andi, TO, TO, mask)
    .emit(Op.Andi, AMOUNT, SEED, 255)
    .emit(Op.Add, PFROM, ACC, FROM)
    .emit(Op.Ld, BFROM, PFROM, 0)
    .emit(Op.Blt, BFROM, AMOUNT, 'decline')
    .emit(Op.Sub, BFROM, BFROM, AMOUNT)
    .emit(Op.St, BFROM, PFROM, 0)
    .emit(Op.Add, PTO, ACC, TO)
    .emit(Op.Ld, BTO, PTO, 0)
    .emit(Op.Add, BTO, BTO, AMOUNT)
    .emit(Op.St, BTO, PTO, 0)
    // Journal record: from, to, amount, new balance.
    .emit(Op.Add, JPTR, JBASE, JCUR)
    .emit(Op.St, FROM, JPTR, 0)
    .emit(Op.St, TO, JPTR, 1)
    .emit(Op.St, AMOUNT, JPTR, 2)
    .emit(Op.St, BTO, JPTR, 3)
    .emit(Op.Addi, JCUR, JCUR, 4)
    .emit(Op.Andi, JCUR, JCUR, w.journalWords - 1)
    .emit(Op.Addi, TXID, TXID, 1);
  commitRecord(a, 31, w.portCommit);
  a.label('decline').emit(Op.Addi, TXID, TXID, 1);
  commitRecord(a, 37, w.portDecline);
  return a.build();
}

/** Writes the initial memory image (accounts with their opening balance) into `mem`. */
export function initialiseImage(mem: Int32Array, base: number, words: number): void {
  mem.fill(0, base, base + words);
  const w = WORKLOAD;
  mem.fill(w.initialBalance, base + w.accountsBase, base + w.accountsBase + w.accounts);
}

/**
 * Whether the workload ever reads memory word `address`: only account balances are read (the
 * journal is written and never read back, the rest of the image is untouched). A flip anywhere
 * else can never reach an output, and the engine models it as masked.
 */
export function workloadReads(address: number): boolean {
  return address >= WORKLOAD.accountsBase && address < WORKLOAD.accountsBase + WORKLOAD.accounts;
}
