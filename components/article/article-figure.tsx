// One photo of the article body: a responsive image that opens the lightbox, its caption and credit.
import Image from 'next/image'
import type { ImageDto } from '@/lib/content/blocks'

export function ArticleFigure({ image, index, total }: { image: ImageDto; index: number; total: number }) {
  const n = index + 1
  return (
    <figure id={`photo-${n}`} className="figure">
      <a
        className="figure__link"
        href={image.src}
        data-lightbox-index={index}
        aria-label={`Open photo ${n} of ${total} in full screen: ${image.alt}`}
      >
        <Image
          className="figure__image"
          src={image.src}
          width={image.width}
          height={image.height}
          alt={image.alt}
          sizes="(min-width: 1180px) 1040px, (min-width: 760px) calc(100vw - 4rem), 100vw"
        />
      </a>
      {(image.caption || image.credit) && (
        <figcaption className="figure__caption">
          {image.caption}
          {image.credit && (
            <>
              {' '}
              <span className="figure__credit">
                <span className="visually-hidden">Photo: </span>
                {image.credit}
              </span>
            </>
          )}
        </figcaption>
      )}
    </figure>
  )
}
