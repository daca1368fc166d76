import { Schema, model } from 'mongoose';

interface Counter {
  _id: string;
  value: number;
}

const counterSchema = new Schema<Counter>({ _id: String, value: { type: Number, required: true } }, { versionKey: false });
const CounterModel = model<Counter>('Counter', counterSchema, 'counters');

/** Atomically takes the next value of a named sequence (one document, `$inc`, no transaction needed). */
export async function nextCounterValue(name: string): Promise<number> {
  const counter = await CounterModel.findOneAndUpdate(
    { _id: name },
    { $inc: { value: 1 } },
    { upsert: true, returnDocument: 'after', lean: true },
  );
  if (!counter) throw new Error(`Counter ${name} was not created`);
  return counter.value;
}
