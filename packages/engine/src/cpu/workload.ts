/**
 * The transaction-processing workload every CPU element runs: transfers between accounts held
 * in the memory image, a journal ring, a running checksum, and one voted output (the commit
 * record) per transaction. It is deterministic: the same image gives the same output stream.
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

// Register roles.
const SEED = 1;
const TXID = 2;
const SUM = 3;
const FROM = 4;
const TO = 5;
const AMOUNT = 6;
const PFROM = 7;
const BFROM = 8;
const PTO = 9;
const BTO = 10;
const ACC = 11;
const JCUR = 12;
const JPTR = 13;
const JBASE = 14;

/** Builds the workload program. */
export function buildWorkload(): Int32Array {
  const w = WORKLOAD;
  const mask = w.accounts - 1;
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
    .emit(Op.Addi, TXID, TXID, 1)
    .emit(Op.Muli, SUM, SUM, 31)
    .emit(Op.Xor, SUM, SUM, BFROM)
    .emit(Op.Add, SUM, SUM, BTO)
    .emit(Op.Xor, SUM, SUM, TXID)
    .emit(Op.Out, SUM, 0, w.portCommit)
    .emit(Op.Jmp, 0, 0, 'loop')
    .label('decline')
    .emit(Op.Addi, TXID, TXID, 1)
    .emit(Op.Muli, SUM, SUM, 37)
    .emit(Op.Xor, SUM, SUM, TXID)
    .emit(Op.Out, SUM, 0, w.portDecline)
    .emit(Op.Jmp, 0, 0, 'loop');
  return a.build();
}

/** Writes the initial memory image (accounts with their opening balance) into `mem`. */
export function initialiseImage(mem: Int32Array, base: number, words: number): void {
  mem.fill(0, base, base + words);
  const w = WORKLOAD;
  mem.fill(w.initialBalance, base + w.accountsBase, base + w.accountsBase + w.accounts);
}
