// Reads or writes a topic of ours with kafkajs and @kafkajs/confluent-schema-registry, an
// implementation of the Confluent wire format and registry protocol that shares no code with ours.
//
//   node compat.mjs read <topic> <count>   prints {"key":..,"value":..} per record, decoded via the registry
//   node compat.mjs write <topic>          stdin: {"key":..,"value":..} per line, encoded with the
//                                          latest schema of <topic>-value and produced
//
// Environment: BOOTSTRAP (host:port), REGISTRY (URL). Exits non-zero on any failure or timeout.
import { Kafka, logLevel } from 'kafkajs';
import { SchemaRegistry } from '@kafkajs/confluent-schema-registry';
import { createInterface } from 'node:readline';

const [mode, topic, countArg] = process.argv.slice(2);
const kafka = new Kafka({ clientId: 'compat', brokers: [process.env.BOOTSTRAP], logLevel: logLevel.ERROR });
const registry = new SchemaRegistry({ host: process.env.REGISTRY });
const timeoutMs = Number(process.env.TIMEOUT_MS || 60000);

const json = (v) => JSON.stringify(v, (k, x) => (typeof x === 'bigint' ? Number(x) : x instanceof Buffer ? x.toString('base64') : x));

async function read() {
  const count = Number(countArg);
  const consumer = kafka.consumer({ groupId: `compat-${Date.now()}`, readUncommitted: false });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  let seen = 0;
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`only ${seen} of ${count} records from ${topic}`)), timeoutMs);
    consumer.run({
      eachMessage: async ({ message }) => {
        if (seen >= count) return;
        const value = message.value === null ? null : await registry.decode(message.value);
        process.stdout.write(json({ key: message.key === null ? null : message.key.toString('utf8'), value }) + '\n');
        seen += 1;
        if (seen >= count) { clearTimeout(timer); resolve(); }
      },
    }).catch(reject);
  });
  await consumer.disconnect();
}

async function write() {
  const id = await registry.getLatestSchemaId(`${topic}-value`);
  const producer = kafka.producer();
  await producer.connect();
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    if (!line.trim()) continue;
    const { key, value } = JSON.parse(line);
    await producer.send({ topic, messages: [{ key, value: await registry.encode(id, value) }] });
  }
  await producer.disconnect();
}

try {
  if (mode === 'read') await read();
  else if (mode === 'write') await write();
  else throw new Error(`unknown mode ${mode}`);
  process.exit(0);
} catch (e) {
  console.error(e.stack || String(e));
  process.exit(1);
}
