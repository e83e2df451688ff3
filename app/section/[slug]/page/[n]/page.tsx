// A later page of a section's articles.
import { ListingPage, listingMetadata } from '@/app/_lib/listing'

type Props = { params: Promise<{ slug: string; n: string }> }

export const generateStaticParams = async () => []

export async function generateMetadata({ params }: Props) {
  const { slug, n } = await params
  return listingMetadata('section', slug, n)
}

export default async function Page({ params }: Props) {
  const { slug, n } = await params
  return <ListingPage kind="section" slug={slug} pageParam={n} />
}
