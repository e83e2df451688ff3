// The article body: one small component per block type, chosen by an exhaustive switch.
import type { Block } from '@/lib/content/blocks'
import { ArticleFigure } from './article-figure'
import { RelatedLink } from './related-link'

function BlockView({ block, figureCount }: { block: Block; figureCount: number }) {
  switch (block.type) {
    case 'paragraph':
      return <p>{block.text}</p>
    case 'figure':
      return <ArticleFigure image={block.image} index={block.index} total={figureCount} />
    case 'see-also':
    case 'read-also':
      return <RelatedLink kind={block.type} article={block.article} />
  }
}

export function ArticleBody({ blocks }: { blocks: readonly Block[] }) {
  const figureCount = blocks.filter((b) => b.type === 'figure').length
  return (
    <div className="article-body">
      {blocks.map((block, i) => (
        <BlockView key={i} block={block} figureCount={figureCount} />
      ))}
    </div>
  )
}
