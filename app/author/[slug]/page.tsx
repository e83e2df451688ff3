// The author page: its latest articles, page 1.
import { ListingPage, listingMetadata } from '@/app/_lib/listing'

type Props = { params: Promise<{ slug: string }> }

export const generateStaticParams = async () => []

export async function generateMetadata({ params }: Props) {
  return listingMetadata('author', (await params).slug, '1')
}

export default async function Page({ params }: Props) {
  return <ListingPage kind="author" slug={(await params).slug} pageParam="1" />
}
