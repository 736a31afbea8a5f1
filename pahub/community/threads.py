"""A thread's counts, kept in step with its published posts.

`Thread.last_post_at` and `Thread.reply_count` let a zone's first page and everyone's unread
counts be read without counting posts. Every service that publishes, hides, restores or
releases a post calls `thread_refresh`, so the counts have one home.
"""

from django.db.models import Count, Max

from pahub.community.models import Post, Thread


def thread_refresh(thread: Thread) -> Thread:
    """Recount a thread from its published posts (the first post is not a reply)."""
    published = Post.objects.filter(thread=thread, status=Post.Status.PUBLISHED).aggregate(
        count=Count("pk"), last=Max("created_at")
    )
    thread.reply_count = max(published["count"] - 1, 0)
    thread.last_post_at = published["last"] or thread.created_at
    thread.save(update_fields=["reply_count", "last_post_at"])
    return thread
