"""REST: sign up to the letter from anywhere, a partner association's page too
(CORS allows this POST from the origins of the *Sites partenaires* settings).

POST /@letter-subscription
     {"email": "...", "topics": ["agenda", ...], "region": "53", "consent": true}
     -> 202 {"status": "pending", "message": "..."}: a confirmation e-mail is
        on its way; nothing is sent to the address before it is confirmed.

The body is checked like the page's form: a 400 with the French ``message`` for
a bad address, unknown topics or région, a missing consent; 429 past the hourly
limit of anonymous posts of a connection; 503 when even the mail queue fails
(nothing is kept). ``topics`` may be left out: all of them."""

from coordaction.content.i18n import in_request_language
from coordaction.policy import _
from coordaction.policy.mailqueue.list_mail import NOT_SENT
from coordaction.policy.mailqueue.list_mail import is_valid_email
from coordaction.policy.newsletter import mails
from coordaction.policy.newsletter import subscribers
from coordaction.policy.newsletter.topics import TOPIC_IDS
from coordaction.policy.newsletter.topics import valid_region
from coordaction.policy.newsletter.topics import valid_topics
from coordaction.policy.participation.antispam import TOO_MANY_POSTS
from coordaction.policy.participation.antispam import anonymous_post_allowed
from coordaction.policy.restapi.json_service import JSONService


class SubscriptionPost(JSONService):
    def reply(self):
        if not anonymous_post_allowed(self.request):
            self.request.response.setStatus(429)
            return {"message": in_request_language(TOO_MANY_POSTS, self.request)}
        data = self.body()
        email = subscribers.normalize_email(data.get("email"))
        if not email or not is_valid_email(email):
            self.refuse(_("“email” is the address to send the letter to."))
        topics = valid_topics(data.get("topics", list(TOPIC_IDS)))
        if not topics:
            self.refuse(
                _(
                    "“topics” is a list of topics among: ${topics}.",
                    mapping={"topics": ", ".join(TOPIC_IDS)},
                )
            )
        region = valid_region(data.get("region"))
        if region is None:
            self.refuse(_('“region” is the code of a région ("53"), or empty.'))
        if data.get("consent") is not True:
            self.refuse(
                _(
                    "“consent” must be true: the person accepts that their address is "
                    "kept to send them the letter."
                )
            )
        try:
            mails.sign_up(email, topics, region, consent="api")
        except mails.NotSent:
            self.request.response.setStatus(503)
            return {"message": in_request_language(NOT_SENT, self.request)}
        self.request.response.setStatus(202)
        return {
            "status": "pending",
            "message": in_request_language(
                _(
                    "Check your mailbox: the letter will come once the address is "
                    "confirmed with the link of our e-mail."
                ),
                self.request,
            ),
        }
