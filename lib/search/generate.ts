// Seeded generator of realistic libraries for benchmarks and tests: titles and abstracts from a
// research vocabulary plus coined model names (a long-tail vocabulary, like a real library).
import type { Paper, ReadingStatus } from '../paper/schema';

/** mulberry32: small, fast, good enough for test data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const w = (s: string) => s.split(' ');
const ADJ = w(
  'efficient scalable robust deep sparse neural contrastive generative probabilistic hierarchical adaptive federated causal differentiable multimodal self-supervised unsupervised semi-supervised bayesian graph recurrent convolutional variational adversarial interpretable linear nonlinear stochastic distributed continual few-shot zero-shot large-scale lightweight equivariant implicit latent structured',
);
const NOUN = w(
  'transformer attention networks embeddings representations models optimization inference retrieval segmentation detection translation generation diffusion reinforcement learning agents policies kernels gradients priors benchmarks datasets compression quantization distillation pruning alignment reasoning planning memory architectures encoders decoders tokenizers features manifolds graphs trees sequences images video speech language proteins molecules',
);
const TASK = w(
  'classification question-answering summarization parsing recognition forecasting recommendation control navigation captioning denoising clustering ranking tracking synthesis completion localization estimation',
);
const DOMAIN = w(
  'medical imaging robotics climate finance genomics chemistry law education astronomy materials neuroscience social-media autonomous-driving e-commerce',
);
const FILLER = w(
  'we propose a novel method that improves results on several tasks our approach uses the and of to in for with from by on is are this paper show experiments demonstrate state-of-the-art performance compared baselines significantly while reducing cost training data show outperforms prior work analysis theory evaluate across settings',
);
const FIRST = w(
  'Geoffrey Yann Yoshua Ashish Noam Fei-Fei Andrew Ilya Oriol Kaiming Ross Jian Shaoqing Alex Diederik Max Jürgen Sepp Léon Zoë José François Søren Łukasz Chloé Ana Wei Xin Priya Rahul Olga Nadia Kyunghyun Tomáš Mikhail Emily Sara',
);
const LAST = w(
  'Hinton LeCun Bengio Vaswani Shazeer Li Ng Sutskever Vinyals He Girshick Sun Ren Krizhevsky Kingma Welling Schmidhuber Hochreiter Bottou Müller García Dupont Kaiser Nørgaard Wang Zhang Chen Kumar Sharma Ivanova Petrov Cho Mikolov Bender Smith Johnson Brown Williams Jones Nakamura Sato Kowalski',
);
const VENUES = [
  'NeurIPS',
  'ICML',
  'ICLR',
  'ACL',
  'EMNLP',
  'CVPR',
  'ICCV',
  'AAAI',
  'IJCAI',
  'Nature',
  'Science',
  'JMLR',
  'TPAMI',
  'KDD',
  'SIGIR',
  'arXiv',
];
const TAGS = [
  'ml',
  'nlp',
  'vision',
  'rl',
  'theory',
  'deep learning',
  'graphs',
  'to cite',
  'survey',
  'reproduce',
  'optimization',
  'speech',
  'robotics',
  'bio',
  'datasets',
  'benchmarks',
  'privacy',
  'fairness',
  'llm',
  'diffusion',
];
const SYL = w('ro ber ta gpt al ex net mo co la ma vi t5 xl flan dal le bi go fa st sa ge res ne xt pa lm ge mi ni cl ip');
const STATUSES: ReadingStatus[] = ['unread', 'unread', 'unread', 'reading', 'read', 'read'];

export interface GenerateOptions {
  seed?: number;
  start?: number;
}

/** `count` papers; the same seed always gives the same library. */
export function generatePapers(count: number, { seed = 42, start = Date.UTC(2020, 0, 1) }: GenerateOptions = {}): Paper[] {
  const r = rng(seed);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)];
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  const coined = () => {
    let s = '';
    for (let i = int(2, 4); i > 0; i--) s += pick(SYL);
    return r() < 0.5 ? s.toUpperCase() : cap(s);
  };
  const sentence = (n: number) => {
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(pick(r() < 0.55 ? FILLER : r() < 0.5 ? NOUN : r() < 0.6 ? ADJ : TASK));
    return cap(out.join(' ')) + '.';
  };
  const papers: Paper[] = [];
  for (let i = 0; i < count; i++) {
    const name = coined();
    const titles = [
      `${cap(pick(ADJ))} ${cap(pick(NOUN))} for ${cap(pick(TASK))}`,
      `${name}: ${cap(pick(ADJ))} ${cap(pick(NOUN))} for ${cap(pick(DOMAIN))} ${cap(pick(TASK))}`,
      `Learning ${cap(pick(ADJ))} ${cap(pick(NOUN))} with ${cap(pick(NOUN))}`,
      `On the ${cap(pick(NOUN))} of ${cap(pick(ADJ))} ${cap(pick(NOUN))}`,
      `${cap(pick(NOUN))} Is All You Need`,
    ];
    const abstract: string[] = [];
    for (let words = 0; words < 150; words += 15) abstract.push(sentence(15));
    if (r() < 0.5) abstract.push(`We call our model ${name}.`);
    const addedAt = start + i * 3_600_000 + int(0, 3_000_000);
    const year = Math.min(2025, 2026 - Math.floor(Math.pow(r(), 2) * 35));
    papers.push({
      key: `doi:10.5555/gen.${seed}.${i}`,
      ids: { doi: `10.5555/gen.${seed}.${i}` },
      title: pick(titles),
      authors: Array.from({ length: r() < 0.1 ? int(6, 12) : int(1, 5) }, () => `${pick(FIRST)} ${pick(LAST)}`),
      year,
      venue: r() < 0.9 ? `${pick(VENUES)} ${year}` : undefined,
      type: 'conference',
      abstract: r() < 0.95 ? abstract.join(' ') : undefined,
      source: 'generated',
      tags: Array.from(new Set(Array.from({ length: int(0, 3) }, () => pick(TAGS)))),
      note: r() < 0.3 ? sentence(int(5, 40)) : '',
      status: pick(STATUSES),
      starred: r() < 0.1,
      addedAt,
      updatedAt: r() < 0.3 ? addedAt + int(1, 30) * 86_400_000 : addedAt,
      aliases: [],
    });
  }
  return papers;
}
