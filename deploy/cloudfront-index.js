// CloudFront Function (viewer request, cloudfront-js-2.0) for an otapress portal on S3.
// The portal's page URLs end in '/' (https://apps.example.com/ios/releases/1.4.0/), and S3's REST
// endpoint, which CloudFront reaches through an origin access control, has no index document:
// it would answer 403 for the folder. This maps every folder URL to its index.html, and leaves
// every other URL (manifest.plist, the .ipa, icons) alone: the install daemon follows no redirect,
// so nothing here redirects.
function handler(event) {
    var request = event.request;
    var uri = request.uri;
    if (uri.endsWith('/')) {
        request.uri = uri + 'index.html';
    }
    return request;
}
