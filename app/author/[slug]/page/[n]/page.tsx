// A later page of a author's articles.
import { ListingPage, listingMetadata } from '@/app/_lib/listing'

type Props = { params: Promise<{ slug: string; n: string }> }

export const generateStaticParams = async () => []

export async function generateMetadata({ params }: Props) {
  const { slug, n } = await params
  return listingMetadata('author', slug, n)
}

export default async function Page({ params }: Props) {
  const { slug, n } = await params
  return <ListingPage kind="author" slug={slug} pageParam={n} />
}
