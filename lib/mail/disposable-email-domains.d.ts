// The package ships JSON only (an array of domains); its main entry is index.json.
declare module "disposable-email-domains" {
  const domains: string[];
  export default domains;
}
declare module "disposable-email-domains/wildcard.json" {
  const domains: string[];
  export default domains;
}
