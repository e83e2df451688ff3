// The front page: `/` is rewritten here as page 1 (next.config.js), so it is cached on demand and never built from the database.
import { ListingPage, listingMetadata } from '@/app/_lib/listing'

type Props = { params: Promise<{ n: string }> }

export const generateStaticParams = async () => []

export async function generateMetadata({ params }: Props) {
  return listingMetadata('home', '', (await params).n)
}

export default async function Page({ params }: Props) {
  return <ListingPage kind="home" slug="" pageParam={(await params).n} />
}
