"""Mail that never blocks a request and is never lost.

Every message of the portal is written to a maildir queue under the data folder
while the request commits; a processor thread started with the server sends it
afterwards and retries with back-off when the SMTP server is down, slow or says
"try later". Messages the server refuses for good stay in the queue as failed,
for an administrator to read and send again.
"""
