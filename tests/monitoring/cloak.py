"""A stand-in for a hijacked server: Googlebot is shown a gambling link that browsers never see."""


class CloakForGooglebot:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if "Googlebot" in request.headers.get("User-Agent", "") and request.get_host() == "uji-a.test":
            response.content = response.content.replace(
                b"</body>", b'<p><a href="https://situs-rahasia.example/">Bandar terpercaya</a></p></body>'
            )
        return response
