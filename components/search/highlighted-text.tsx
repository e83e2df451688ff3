// Text with the words a search matched wrapped in <mark>; the text is rendered as text, never as HTML.
import { Fragment } from 'react'
import { splitMarks } from '@/lib/search/marks'

export function HighlightedText({ text }: { text: string }) {
  return (
    <>
      {splitMarks(text).map((part, i) => (part.marked ? <mark key={i}>{part.text}</mark> : <Fragment key={i}>{part.text}</Fragment>))}
    </>
  )
}
